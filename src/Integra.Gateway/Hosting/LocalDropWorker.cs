using Integra.Gateway.Configuration;
using Integra.Gateway.Drops;
using Integra.Gateway.Processing;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.Hosting;

/// <summary>
/// Polls every partner's local drop (<c>LocalDrop:Root/&lt;PARTNER&gt;</c>). A thin loop: the work is in
/// <see cref="DropPoller"/>. A failing round is logged and retried on the next tick; it never stops the host.
/// </summary>
public sealed class LocalDropWorker(
    ReferenceData data,
    PolicyOptions policy,
    IOptions<GatewaySettings> gateway,
    IOptions<IntakeSettings> intake,
    IOptions<LocalDropSettings> settings,
    IClock clock,
    Operations.GatewayMetrics metrics,
    ILogger<LocalDropWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = settings.Value;
        using var store = OrderStore.Open(gateway.Value.Database, clock);
        var processor = new RequestFileProcessor(data, policy, intake.Value.ToLimits(), store);
        var ledger = new IntakeLedger(store, clock);
        var pollers = data.Partners.OrderBy(p => p.Id, StringComparer.Ordinal).Select(partner =>
        {
            var folder = new LocalDropFolder(Path.Combine(options.Root, partner.Id));
            if (folder.EnsureFolders() && options.SeedFrom is { } seed)
            {
                folder.Seed(Path.Combine(seed, partner.Id));
            }

            return (partner, poller: new DropPoller(partner, "local", folder, processor, ledger, clock, Duration.FromTimeSpan(options.QuietPeriod), logger, new OutboxStore(store, clock), metrics));
        }).ToList();
        logger.LogInformation("Watching local drops of {Count} partner(s) under {Root}", pollers.Count, Path.GetFullPath(options.Root));

        using var timer = new PeriodicTimer(options.PollInterval);
        do
        {
            foreach (var (partner, poller) in pollers)
            {
                try
                {
                    await poller.PollAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Poll of local drop for {Partner} failed; retrying next round", partner.Id);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
