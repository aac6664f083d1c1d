using Integra.Gateway.Configuration;
using Integra.Gateway.Drops;
using Integra.Gateway.Intake;
using Integra.Gateway.Intake.Pipeline;
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
/// round is logged and retried on the next tick; it never stops the host. While a drop has a backlog (ready files
/// over <see cref="IntakeSettings.FilesPerRound"/>) the next round starts at once, the other partners' drops
/// polled in between, so a backlog drains at full speed in bounded rounds.
/// </summary>
public sealed class LocalDropWorker(
    IntakePipelines pipelines,
    ReferenceDataSource data,
    IOptions<LocalDropSettings> settings,
    IOptions<IntakeSettings> intake,
    IClock clock,
    ILogger<LocalDropWorker> logger,
    Health.ChannelOutages outages,
    LoopHeartbeats heartbeats) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = settings.Value;
        using var pipeline = await pipelines.CreateAsync(stoppingToken);
        var pollers = new SortedDictionary<string, DropPoller>(StringComparer.Ordinal);
        logger.LogInformation("Watching local drops under {Root}", Path.GetFullPath(options.Root));

        using var timer = new PeriodicTimer(options.PollInterval);
        bool backlog;
        do
        {
            backlog = false;
            heartbeats.Beat("local-drop", options.PollInterval);
            foreach (var partner in data.Current.Partners.Where(p => !pollers.ContainsKey(p.Id)))
            {
                var folder = new LocalDropFolder(Path.Combine(options.Root, partner.Id));
                if (folder.EnsureFolders() && options.SeedFrom is { } seed)
                {
                    folder.Seed(Path.Combine(seed, partner.Id));
                }

                pollers[partner.Id] = new DropPoller(partner, Channel.Local, folder, pipeline, clock, Duration.FromTimeSpan(options.QuietPeriod), logger, intake.Value.FilesPerRound);
            }

            foreach (var (partner, poller) in pollers)
            {
                try
                {
                    backlog |= (await poller.PollRoundAsync(stoppingToken)).BacklogRemains;
                    outages.Succeeded(partner, "local", Path.Combine(options.Root, partner));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    outages.Failed(partner, "local", Path.Combine(options.Root, partner), e);
                }
            }
        }
        while (backlog ? !stoppingToken.IsCancellationRequested : await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
