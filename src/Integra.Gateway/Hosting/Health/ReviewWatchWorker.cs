using Integra.Gateway.Configuration;
using Integra.Gateway.Operations;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
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
    OrderStores stores,
    IOptions<GatewaySettings> gateway,
    ReferenceDataSource data,
    PolicyOptions policy,
    IClock clock,
    ILogger<ReviewWatchWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var store = stores.Open();
        var monitor = new ReviewMonitor(logger);
        IDisposable? lease = null;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        try
        {
            do
            {
                try
                {
                    lease ??= store.TryLease("review-watch");
                    if (lease is not null)
                    {
                        using var view = OperationsView.Open(gateway.Value.Database);
                        monitor.Check(view.PendingReviews(), data.Current.Calendar, policy.FallbackZone, clock.GetCurrentInstant());
                    }
                }
                catch (Exception e) when (e is System.Data.Common.DbException or IOException)
                {
                    logger.LogWarning("Expedite review check failed: {Error}", e.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        finally
        {
            lease?.Dispose();
        }
    }
}
