using Integra.Gateway.Lifecycle;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Outbox;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Logging;
using NodaTime;
using Quartz;

namespace Integra.Gateway.Hosting;

/// <summary>
/// The daily expiry sweep under Quartz. Never two at once; a double fire (a DST quirk, a restart) finds nothing
/// more to expire, because the sweep itself is idempotent. Partner CAN files are delivered from the outbox by the
/// worker of each order's own channel; NPAC batches are written here.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SweepJob(
    ReferenceDataSource data,
    PolicyOptions policy,
    UnitOfWorkFactory stores,
    INpacGateway npacGateway,
    IClock clock,
    Operations.GatewayMetrics metrics,
    ILogger<SweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("expiry-sweep");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            using var store = await stores.OpenAsync(cancellationToken);
            var now = clock.GetCurrentInstant();
            var result = await new ExpirySweep(data.Current, policy, store).RunAsync(now, cancellationToken);
            metrics.SweepCanceled(result.Cancels);
            var npac = await new OutboxDelivery(store.Outbox).DeliverNpacAsync(npacGateway, cancellationToken);
            logger.LogInformation(
                "Expiry sweep {SweepId} as of {Now}: {Expired} order(s) expired, {Cancels} TN cancel(s), {Completed} completed, {NpacFiles} NPAC file(s) written",
                result.SweepId, now, result.Expired, result.Cancels, result.Completed, npac);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Quartz would swallow it; say so loudly. The next fire (or restart) sweeps again.
            logger.LogError(e, "Expiry sweep failed; it runs again at the next fire");
            throw new JobExecutionException(e);
        }
    }
}
