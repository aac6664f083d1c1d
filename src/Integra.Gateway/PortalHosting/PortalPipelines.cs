using System.Collections.Concurrent;
using Integra.Gateway.Intake;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Processing;
using Integra.Gateway.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Integra.Gateway.PortalHosting;

/// <summary>
/// Intake pipelines for the portal's requests: a pipeline owns one store connection and serves one request at a time,
/// so concurrent submissions each rent one and return it (no connection opened, and no schema checked, per request).
/// Their pipelines send no NPAC file themselves: a submission's decision commits together with its answer, and only
/// then do the NPAC cancels it recorded go out (<see cref="PortalIntake"/>), so a crash never sends a cancel for a
/// decision that was rolled back.
/// </summary>
public sealed class PortalPipelines(OrderStores stores, RequestProcessors processors, IClock clock, Operations.GatewayMetrics metrics, ILoggerFactory loggers) : IDisposable
{
    private readonly ConcurrentBag<IntakePipeline> _idle = [];

    /// <summary>A pipeline for the caller alone until the returned lease is disposed.</summary>
    public Rented Rent()
    {
        if (!_idle.TryTake(out var pipeline))
        {
            var store = stores.Open();
            pipeline = IntakePipeline.Owning(store, processors.For(store), clock, loggers.CreateLogger<PortalIntake>(), metrics, npac: null);
        }

        return new Rented(this, pipeline);
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var pipeline))
        {
            pipeline.Dispose();
        }
    }

    /// <summary>A rented pipeline; a pipeline whose work failed is closed rather than returned (its connection may be broken).</summary>
    public sealed class Rented(PortalPipelines owner, IntakePipeline pipeline) : IDisposable
    {
        private bool _failed = true;

        public IntakePipeline Pipeline => pipeline;

        public OrderStore Store => pipeline.Store;

        /// <summary>The work succeeded: the pipeline goes back to the pool.</summary>
        public void Done() => _failed = false;

        public void Dispose()
        {
            if (_failed)
            {
                pipeline.Dispose();
            }
            else
            {
                owner._idle.Add(pipeline);
            }
        }
    }
}
