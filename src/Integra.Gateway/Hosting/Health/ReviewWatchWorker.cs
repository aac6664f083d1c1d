using Integra.Gateway.Configuration;
using Integra.Gateway.Operations;
using Integra.Gateway.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.Hosting.Health;

/// <summary>
/// Every minute, says which expedite reviews have waited more than one business day (<see cref="ReviewMonitor"/>).
/// With several instances on one database only the holder of the <c>review-watch</c> lease speaks.
/// </summary>
public sealed class ReviewWatchWorker(
    UnitOfWorkFactory stores,
    IOptions<GatewaySettings> gateway,
    ReferenceDataSource data,
    OperationsRegistration.DeskZone desk,
    IClock clock,
    ILogger<ReviewWatchWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var monitor = new ReviewMonitor(logger);
        IUnitOfWork? store = null;
        IDisposable? lease = null;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        try
        {
            do
            {
                try
                {
                    // Opened here, not before the loop: a store that is down is the store watchdog's to report.
                    store ??= stores.Open();
                    lease ??= store.TryLease("review-watch");
                    if (lease is not null)
                    {
                        using var view = OperationsView.Open(gateway.Value.Database);
                        monitor.Check(view.PendingReviews(), data.Current.Calendar, desk.Zone, clock.GetCurrentInstant());
                    }
                }
                catch (Exception e) when (StoreProbe.IsStoreFailure(e))
                {
                    logger.LogWarning("Expedite review check failed: {Error}", e.Message);
                    lease?.Dispose();
                    lease = null;
                    store?.Dispose();
                    store = null;
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        finally
        {
            lease?.Dispose();
            store?.Dispose();
        }
    }
}
