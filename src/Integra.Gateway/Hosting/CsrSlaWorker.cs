using Integra.Gateway.Operations;
using Integra.Gateway.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Integra.Gateway.Hosting;

/// <summary>Checks the CSR 24-hour target every minute.</summary>
public sealed class CsrSlaWorker(OrderStores stores, IClock clock, ILogger<CsrSlaWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var store = stores.Open();
        using var monitor = new CsrSlaMonitor(store, logger);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            try
            {
                monitor.CheckIfWatcher(clock.GetCurrentInstant());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "CSR SLA check failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
