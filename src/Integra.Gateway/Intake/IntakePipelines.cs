using Integra.Gateway.Lifecycle;
using Integra.Gateway.Processing;
using Integra.Gateway.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Integra.Gateway.Intake;

/// <summary>The host's source of <see cref="IntakePipeline"/>s: one per worker loop, each on its own store connection.</summary>
public sealed class IntakePipelines(OrderStores stores, RequestProcessors processors, IClock clock, Operations.GatewayMetrics metrics, INpacGateway npac, ILoggerFactory loggers)
{
    public IntakePipeline Create()
    {
        var store = stores.Open();
        return IntakePipeline.Owning(store, processors.For(store), clock, loggers.CreateLogger<IntakePipeline>(), metrics, npac);
    }
}
