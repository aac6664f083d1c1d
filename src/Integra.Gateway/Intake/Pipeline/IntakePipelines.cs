using Integra.Gateway.Lifecycle;
using Integra.Gateway.Processing;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Logging;

namespace Integra.Gateway.Intake.Pipeline;

/// <summary>The host's source of <see cref="IntakePipeline"/>s: one per worker loop, each on its own store connection.</summary>
public sealed class IntakePipelines(UnitOfWorkFactory stores, RequestProcessors processors, Operations.GatewayMetrics metrics, INpacGateway npac, ILoggerFactory loggers)
{
    /// <summary>A pipeline on a connection of its own, opened without holding a thread; disposing it closes the connection.</summary>
    public async Task<IntakePipeline> CreateAsync(CancellationToken cancellationToken)
    {
        var store = await stores.OpenAsync(cancellationToken);
        return IntakePipeline.Owning(store, processors.For(store), loggers.CreateLogger<IntakePipeline>(), metrics, npac);
    }
}
