using Integra.Gateway.Operations;
using Integra.Gateway.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Integra.Gateway.Hosting.Health;

/// <summary>
/// Every minute, says which expedite reviews have waited more than one business day (<see cref="ReviewMonitor"/>).
/// With several instances on one database only the holder of the <c>review-watch</c> lease speaks.
/// </summary>
public sealed class ReviewWatchWorker(
    UnitOfWorkFactory stores,
    ReferenceDataSource data,
    OperationsRegistration.DeskZone desk,
    IClock clock,
    ILogger<ReviewWatchWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var monitor = new ReviewMonitor(logger);
        IUnitOfWork? store = null;
        IAsyncDisposable? lease = null;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        try
        {
            do
            {
                try
                {
                    // Opened here, not before the loop: a store that is down is the store watchdog's to report.
                    store ??= await stores.OpenAsync(stoppingToken).ConfigureAwait(false);
                    lease ??= await store.TryLeaseAsync("review-watch", stoppingToken).ConfigureAwait(false);
                    if (lease is not null)
                    {
                        var pending = await OperationsView.PendingReviewsAsync(store, stoppingToken).ConfigureAwait(false);
                        monitor.Check(pending, data.Current.Calendar, desk.Zone, clock.GetCurrentInstant());
                    }
                }
                catch (Exception e) when (StoreProbe.IsStoreFailure(e))
                {
                    logger.LogWarning("Expedite review check failed: {Error}", e.Message);
                    await DisposeAsync(lease).ConfigureAwait(false);
                    lease = null;
                    store?.Dispose();
                    store = null;
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        finally
        {
            await DisposeAsync(lease).ConfigureAwait(false);
            store?.Dispose();
        }
    }

    // The lease of a broken connection went with its session; releasing it may fail the same way.
    private static async Task DisposeAsync(IAsyncDisposable? lease)
    {
        if (lease is not null)
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }
    }
}
