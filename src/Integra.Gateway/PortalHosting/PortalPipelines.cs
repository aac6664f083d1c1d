using Integra.Gateway.Configuration;
using Integra.Gateway.Intake;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Processing;
using Integra.Gateway.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.PortalHosting;

/// <summary>
/// Intake pipelines for the portal's requests: a pipeline owns one store connection and serves one request at a time,
/// so concurrent submissions each rent one and return it (<see cref="IdlePool{T}"/>: no connection opened, and no
/// schema checked, per request).
/// Their pipelines send no NPAC file themselves: a submission's decision commits together with its answer, and only
/// then do the NPAC cancels it recorded go out (<see cref="PortalIntake"/>), so a crash never sends a cancel for a
/// decision that was rolled back.
/// On SQLite, submissions also take their turn to write here (<see cref="WriteTurnAsync"/>).
/// </summary>
public sealed class PortalPipelines(OrderStores stores, RequestProcessors processors, IClock clock, Operations.GatewayMetrics metrics, ILoggerFactory loggers, IOptions<GatewaySettings> gateway) : IDisposable
{
    private readonly IdlePool<IntakePipeline> _idle = new(() =>
    {
        var store = stores.Open();
        return IntakePipeline.Owning(store, processors.For(store), clock, loggers.CreateLogger<PortalIntake>(), metrics, npac: null);
    });

    // SQLite lets one writer in at a time, and a submission's unit of work writes from its start (BEGIN IMMEDIATE).
    // Without a queue here, concurrent submissions each blocked a thread-pool thread in SQLite's busy handler, which
    // polls with sleeps of up to 100 ms: under 50 users the pool starved (every page waited for threads) and the
    // turn went to whichever sleeper woke first (submit p99 0.7-1 s). Waiting here is asynchronous and in order.
    // PostgreSQL locks rows, not the database: no gate.
    private readonly SemaphoreSlim? _sqliteWriter =
        StoreLocation.Parse(gateway.Value.Database).Provider == StoreProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    /// <summary>Waits, without holding a thread, for this process's turn to write to the store; dispose to pass it on.</summary>
    public async Task<IDisposable> WriteTurnAsync(CancellationToken cancellationToken)
    {
        if (_sqliteWriter is null)
        {
            return NoTurn.Instance;
        }

        await _sqliteWriter.WaitAsync(cancellationToken);
        return new Turn(_sqliteWriter);
    }

    /// <summary>A pipeline for the caller alone until the returned lease is disposed.</summary>
    public Rented Rent() => new(this, _idle.Take());

    public void Dispose()
    {
        _idle.Dispose();
        _sqliteWriter?.Dispose();
    }

    private sealed class Turn(SemaphoreSlim writer) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                writer.Release();
            }
        }
    }

    private sealed class NoTurn : IDisposable
    {
        public static readonly NoTurn Instance = new();

        public void Dispose()
        {
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
                owner._idle.Return(pipeline);
            }
        }
    }
}
