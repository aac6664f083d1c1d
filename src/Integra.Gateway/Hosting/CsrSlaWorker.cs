using Integra.Gateway.Operations;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Resilience;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Integra.Gateway.Hosting;

/// <summary>
/// Checks the CSR 24-hour target every minute. The store stays open between checks (its session holds the watcher
/// lease); a check that fails on the store closes it, and the next one opens a fresh one. No failure stops the host:
/// a transient one is an outage (<see cref="StoreAvailability"/>), a lasting one the store watchdog's to judge.
/// </summary>
public sealed class CsrSlaWorker(UnitOfWorkFactory stores, StoreAvailability availability, IClock clock, ILogger<CsrSlaWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IUnitOfWork? store = null;
        CsrSlaMonitor? monitor = null;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        try
        {
            do
            {
                try
                {
                    store ??= await stores.OpenAsync(stoppingToken);
                    monitor ??= new CsrSlaMonitor(store, logger);
                    await monitor.CheckIfWatcherAsync(clock.GetCurrentInstant(), stoppingToken);
                    availability.Succeeded();
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    if (!availability.Failed("CSR SLA check", e))
                    {
                        logger.LogError(e, "CSR SLA check failed");
                    }

                    // A fresh connection next time: this one may be broken, and its lease with it.
                    await CloseAsync(monitor, store);
                    (monitor, store) = (null, null);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        finally
        {
            await CloseAsync(monitor, store);
        }
    }

    private static async Task CloseAsync(CsrSlaMonitor? monitor, IUnitOfWork? store)
    {
        try
        {
            if (monitor is not null)
            {
                await monitor.DisposeAsync();
            }
        }
        catch (Exception e) when (StoreProbe.IsStoreFailure(e))
        {
            // Releasing the lease on a broken connection: the session, and the lease with it, is already gone.
        }

        store?.Dispose();
    }
}
