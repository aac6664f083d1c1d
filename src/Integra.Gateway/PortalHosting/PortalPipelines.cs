using Integra.Gateway.Configuration;
using Integra.Gateway.Intake;
using Integra.Gateway.Intake.Pipeline;
using Integra.Gateway.Processing;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Resilience;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.PortalHosting;

/// <summary>
/// Intake pipelines for the portal's requests: each request opens one (its store a pooled connection) and disposes it,
/// so no connection is kept between requests and none that broke is ever used again.
/// Their pipelines send no NPAC file themselves: a submission's decision commits together with its answer, and only
/// then do the NPAC cancels it recorded go out (<see cref="PortalIntake"/>), so a crash never sends a cancel for a
/// decision that was rolled back.
/// On SQLite, submissions also take their turn to write here (<see cref="WriteTurnAsync"/>).
/// </summary>
public sealed class PortalPipelines(UnitOfWorkFactory stores, StoreAvailability availability, RequestProcessors processors, Operations.GatewayMetrics metrics, ILoggerFactory loggers, IOptions<GatewaySettings> gateway) : IDisposable
{
    // SQLite lets one writer in at a time, and a submission's unit of work writes from its start (BEGIN IMMEDIATE).
    // Without a queue here, concurrent submissions each blocked a thread-pool thread in SQLite's busy handler, which
    // polls with sleeps of up to 100 ms: under 50 users the pool starved (every page waited for threads) and the
    // turn went to whichever sleeper woke first (submit p99 0.7-1 s). Waiting here is asynchronous and in order.
    // PostgreSQL locks rows, not the database: no gate.
    private readonly SemaphoreSlim? _sqliteWriter =
        StoreLocation.Parse(gateway.Value.Database).Provider == StoreProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    /// <summary>The stores the pipelines are opened on, for work that needs a store and no pipeline.</summary>
    public UnitOfWorkFactory Stores => stores;

    /// <summary>The retry of work that opens its own pipeline (<see cref="StoreAvailability.Run{T}"/>).</summary>
    public StoreAvailability Availability => availability;

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

    /// <summary>A pipeline on a store of its own, for the caller alone; disposing it closes the store.</summary>
    public async Task<IntakePipeline> OpenAsync(CancellationToken cancellationToken)
    {
        var store = await stores.OpenAsync(cancellationToken);
        return IntakePipeline.Owning(store, processors.For(store), loggers.CreateLogger<PortalIntake>(), metrics, npac: null);
    }

    public void Dispose() => _sqliteWriter?.Dispose();

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
}
