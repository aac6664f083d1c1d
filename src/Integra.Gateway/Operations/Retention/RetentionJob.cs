using Integra.Gateway.Configuration;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Quartz;

namespace Integra.Gateway.Operations.Retention;

/// <summary>
/// The daily retention run under the sweep's Quartz scheduler (clustered on PostgreSQL: one instance runs it). Never
/// two at once; a failed run is logged and the next fire removes the rest.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(
    IOptions<RetentionSettings> settings,
    IOptions<GatewaySettings> gateway,
    IOptions<LocalDropSettings> drops,
    UnitOfWorkFactory stores,
    IClock clock,
    GatewayMetrics metrics,
    ILogger<RetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("retention");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            using var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
            await new RetentionRun(settings.Value, clock, metrics, logger)
                .RunAsync(store, gateway.Value.Database, drops.Value.Enabled ? drops.Value.Root : null, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Retention failed; it runs again at the next fire");
            throw new JobExecutionException(e);
        }
    }
}
