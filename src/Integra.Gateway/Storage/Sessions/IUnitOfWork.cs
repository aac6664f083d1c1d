using System.Data;
using System.Data.Common;
using Integra.Gateway.Storage.Connections;
using NodaTime;

namespace Integra.Gateway.Storage.Sessions;

/// <summary>
/// One connection to the store and the unit of work on it: what a batch of changes (one request file, one sweep, one
/// page) runs in, so that a crash leaves either all of it or none. The aggregates' stores and the read side's query
/// classes all take one; each aggregate's folder adds its own to this interface as an extension property
/// (<c>uow.Orders</c>, <c>uow.Outbox</c>, …), created on first use and kept for the life of the unit of work, so
/// no store holds another and a new store touches no file but its own. One instance per thread of work.
/// </summary>
public interface IUnitOfWork : IDisposable
{
    StoreProvider Provider { get; }

    /// <summary>The clock the stores stamp their rows with.</summary>
    IClock Clock { get; }

    /// <summary>
    /// Starts a unit of work; dispose without <see cref="IDbTransaction.Commit"/> to roll it back. Inside another
    /// unit of work it joins that one: only the outermost commit commits, and a failure rolls back all of it.
    /// </summary>
    IStoreTransaction Begin();

    /// <summary>
    /// <see cref="Begin"/> for a request's or a worker round's thread of work: the connection (opened again when it
    /// broke) and the transaction's start without holding a thread; commit with <see cref="IStoreTransaction.CommitAsync"/>.
    /// </summary>
    Task<IStoreTransaction> BeginAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes the current unit of work wait for, and then exclude, every other one that takes the lock of this
    /// <paramref name="name"/> (in any gateway instance on the same database) until it commits or rolls back.
    /// </summary>
    /// <exception cref="InvalidOperationException">No unit of work is open (<see cref="Begin"/>).</exception>
    void Lock(string name);

    /// <inheritdoc cref="Lock"/>
    Task LockAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the lease of this <paramref name="name"/> for this connection unless another gateway instance holds it,
    /// for work that only one instance may do at a time (polling one partner's drop); null when taken. The lease ends
    /// when the returned object is disposed or the connection closes (a crashed instance).
    /// </summary>
    IDisposable? TryLease(string name);

    /// <inheritdoc cref="TryLease"/>
    Task<IAsyncDisposable?> TryLeaseAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// The store of type <typeparamref name="T"/> on this unit of work: made by <paramref name="create"/> on first
    /// use, the same one after. For the extension properties that give each store its name.
    /// </summary>
    T Store<T>(Func<IUnitOfWork, T> create)
        where T : class;

    /// <summary>
    /// The open connection, with the writes that wait for a round trip sent first (<see cref="Statements"/>), opened
    /// again when it broke between units of work: a PostgreSQL restart costs the operation that saw it, not every
    /// operation until the daemon restarts.
    /// </summary>
    internal DbConnection Connection { get; }

    /// <summary><see cref="Connection"/> for the async paths: opened again, and the waiting writes sent, without holding a thread.</summary>
    internal ValueTask<DbConnection> ConnectionAsync(CancellationToken cancellationToken);

    /// <summary>The transaction of the current unit of work; null when none is open.</summary>
    internal DbTransaction? Transaction { get; }

    internal StoreDialect Dialect { get; }

    /// <summary>The kept, prepared commands and the writes that wait for the next round trip (PostgreSQL).</summary>
    internal Statements Statements { get; }

    /// <summary>Ids and LSR numbers from the server's sequences in blocks (PostgreSQL).</summary>
    internal IdBlocks Ids { get; }
}

/// <summary>
/// A unit of work's transaction (<see cref="IUnitOfWork.Begin"/>): disposed without a commit it rolls back. Its async
/// commit sends the writes still waiting (PostgreSQL's batch of them) and commits without holding a thread.
/// </summary>
public interface IStoreTransaction : IDbTransaction, IAsyncDisposable
{
    /// <inheritdoc cref="IDbTransaction.Commit"/>
    Task CommitAsync(CancellationToken cancellationToken);
}

/// <summary>A store that keeps something only until the unit of work ends (what it knows absent, say).</summary>
internal interface IUnitOfWorkScoped
{
    /// <summary>The unit of work committed, rolled back or broke: forget what held only inside it.</summary>
    void Ended();
}
