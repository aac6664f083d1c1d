using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Resilience;
using NodaTime;

namespace Integra.Gateway.Storage.Sessions;

/// <summary>
/// Opens units of work on the configured database, for the daemon's workers, the portal and the commands alike: one
/// per thread of work (a unit of work is one connection, taken from ADO.NET's pool and given back when disposed; the
/// schema was migrated at start).
/// </summary>
public sealed class UnitOfWorkFactory(StoreDatabase database, IClock clock, StoreAvailability availability)
{
    public IUnitOfWork Open() => UnitOfWork.Open(database.Value, clock);

    /// <summary><see cref="Open"/> for a request or a worker round: the connection opened without holding a thread.</summary>
    public async Task<IUnitOfWork> OpenAsync(CancellationToken cancellationToken) =>
        await UnitOfWork.OpenAsync(database.Value, clock, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Runs <paramref name="work"/> on a unit of work of its own, and after a transient failure again on a fresh one
    /// (<see cref="StoreAvailability.Run{T}"/>): for a page or a decision, which waits a few seconds at most.
    /// </summary>
    public T Run<T>(string what, Func<IUnitOfWork, T> work, int attempts = 4) =>
        availability.Run(what, () =>
        {
            using var uow = Open();
            return work(uow);
        }, attempts);

    /// <summary>
    /// <see cref="Run{T}"/> for the paths that serve a request: the unit of work is opened, and <paramref name="work"/>
    /// reads, without holding a thread while the database answers; each attempt again on a fresh unit of work
    /// (<see cref="StoreAvailability.RunAsync{T}"/>). On SQLite a write still waits for the file's one write turn.
    /// </summary>
    public Task<T> RunAsync<T>(string what, Func<IUnitOfWork, CancellationToken, Task<T>> work, CancellationToken cancellationToken, int attempts = 4) =>
        availability.RunAsync(what, async token =>
        {
            using var uow = await UnitOfWork.OpenAsync(database.Value, clock, token).ConfigureAwait(false);
            return await work(uow, token).ConfigureAwait(false);
        }, attempts, cancellationToken);
}
