using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Operations;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Integra.Gateway.Hosting.Health;

/// <summary>
/// Every minute, says which evidence requests went past due (<see cref="EvidenceOverdueWatch"/>). Every instance
/// checks; the store lets one of them say each request.
/// </summary>
public sealed class EvidenceOverdueWorker(UnitOfWorkFactory stores, IClock clock, ILogger<EvidenceOverdueWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watch = new EvidenceOverdueWatch(stores, logger);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            try
            {
                await watch.CheckAsync(clock.GetCurrentInstant(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException && StoreProbe.IsStoreFailure(e))
            {
                // A store that is down is the store watchdog's to report; the next minute tries again.
                logger.LogWarning("Evidence request check failed: {Error}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
