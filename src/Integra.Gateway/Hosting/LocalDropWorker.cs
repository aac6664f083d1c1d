using Integra.Gateway.Configuration;
using Integra.Gateway.Drops;
using Integra.Gateway.Intake;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.Hosting;

/// <summary>
/// Polls every partner's local drop (<c>LocalDrop:Root/&lt;PARTNER&gt;</c>), a partner added to partners.csv included.
/// A thin loop: the drop transport is <see cref="DropPoller"/>, the work the <see cref="IntakePipeline"/>. A failing
/// round is logged and retried on the next tick; it never stops the host.
/// </summary>
public sealed class LocalDropWorker(
    IntakePipelines pipelines,
    ReferenceDataSource data,
    IOptions<LocalDropSettings> settings,
    IClock clock,
    ILogger<LocalDropWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = settings.Value;
        using var pipeline = pipelines.Create();
        var pollers = new SortedDictionary<string, DropPoller>(StringComparer.Ordinal);
        logger.LogInformation("Watching local drops under {Root}", Path.GetFullPath(options.Root));

        using var timer = new PeriodicTimer(options.PollInterval);
        do
        {
            foreach (var partner in data.Current.Partners.Where(p => !pollers.ContainsKey(p.Id)))
            {
                var folder = new LocalDropFolder(Path.Combine(options.Root, partner.Id));
                if (folder.EnsureFolders() && options.SeedFrom is { } seed)
                {
                    folder.Seed(Path.Combine(seed, partner.Id));
                }

                pollers[partner.Id] = new DropPoller(partner, Channel.Local, folder, pipeline, clock, Duration.FromTimeSpan(options.QuietPeriod), logger);
            }

            foreach (var (partner, poller) in pollers)
            {
                try
                {
                    await poller.PollAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Poll of local drop for {Partner} failed; retrying next round", partner);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
