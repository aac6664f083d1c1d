using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Configuration;
using Integra.Gateway.Operations;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Evidence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.Hosting.Health;

/// <summary>
/// Every minute, says which evidence requests went past due (<see cref="EvidenceOverdueWatch"/>). Every instance
/// checks; the store lets one of them say each request.
/// </summary>
public sealed class EvidenceOverdueWorker(IOptions<GatewaySettings> gateway, IClock clock, ILogger<EvidenceOverdueWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Requests, not documents: this store never reads a document, so it needs no evidence folder.
        var watch = new EvidenceOverdueWatch(EvidenceStore.Open(gateway.Value.Database), logger);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            try
            {
                watch.Check(clock.GetCurrentInstant());
            }
            catch (Exception e) when (StoreProbe.IsStoreFailure(e))
            {
                // A store that is down is the store watchdog's to report; the next minute tries again.
                logger.LogWarning("Evidence request check failed: {Error}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
