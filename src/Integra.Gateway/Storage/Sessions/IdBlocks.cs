using System.Collections.Concurrent;
using Integra.Gateway.Storage.Connections;

namespace Integra.Gateway.Storage.Sessions;

/// <summary>
/// On PostgreSQL the ids of new orders and versions, and LSR numbers, come from the server's sequences in blocks,
/// so that creating an order and filing its version cost no round trip of their own: their INSERTs wait with the
/// other writes (<see cref="Statements.DeferAsync"/>) and travel with the next statement that reads. A new LSR then costs
/// one round trip (the look-up of its PON) where it cost four.
/// </summary>
/// <remarks>
/// A sequence is never rolled back, so a number handed out is never handed out again, by this unit of work, another
/// or another instance: a rolled-back unit of work or a stopped process leaves a gap. The units of work of one
/// process on one database share their blocks (a portal request's takes the next number of the block the last one
/// began, rather than a block of its own), and each instance has its own, so numbers are unique but not in the order
/// of assignment across instances. SQLite counts in the unit of work's transaction instead (IdBlocks.Sqlite.cs).
/// </remarks>
internal sealed partial class IdBlocks(UnitOfWork owner)
{
    /// <summary>How many numbers a unit of work takes at once: one round trip per this many new orders.</summary>
    internal const int BlockSize = 100;

    /// <summary>The numbers fetched and not yet handed out, per database and sequence, shared by the process's units of work.</summary>
    private static readonly ConcurrentDictionary<(string Database, string Sequence), ConcurrentQueue<long>> Blocks = new();

    /// <summary>How many blocks this unit of work fetched, for tests that count round trips instead of timing them.</summary>
    internal int BlocksFetched { get; private set; }

    /// <summary>
    /// Whether ids come from here (PostgreSQL always, SQLite inside a transaction) rather than from
    /// <c>RETURNING id</c> and the <c>sequences</c> row's own statement (SQLite outside one).
    /// </summary>
    public bool InUse => owner.Dialect.Provider == StoreProvider.Postgres || owner.Transaction is not null;

    public ValueTask<long> OrderIdAsync(CancellationToken cancellationToken) =>
        Sqlite ? NextLocalAsync(OrderIds, cancellationToken) : NextAsync("pg_get_serial_sequence('orders', 'id')", cancellationToken);

    public ValueTask<long> VersionIdAsync(CancellationToken cancellationToken) =>
        Sqlite ? NextLocalAsync(VersionIds, cancellationToken) : NextAsync("pg_get_serial_sequence('versions', 'id')", cancellationToken);

    public ValueTask<long> LsrValueAsync(CancellationToken cancellationToken) =>
        Sqlite ? NextLsrLocalAsync(cancellationToken) : NextAsync("'lsrno_seq'", cancellationToken);

    private bool Sqlite => owner.Dialect.Provider == StoreProvider.Sqlite;

    /// <summary>The next value of the sequence <paramref name="sequence"/> (an SQL expression naming it), from the shared block.</summary>
    private ValueTask<long> NextAsync(string sequence, CancellationToken cancellationToken)
    {
        var block = Blocks.GetOrAdd((owner.Dialect.Database, sequence), static _ => new ConcurrentQueue<long>());
        return block.TryDequeue(out var next) ? ValueTask.FromResult(next) : FetchAsync(block, sequence, cancellationToken);
    }

    // nextval() is evaluated per row; values of one call need not be consecutive when another session draws too.
    // Two units of work that find the block empty at once both fetch one: no number is lost, none handed out twice.
    private async ValueTask<long> FetchAsync(ConcurrentQueue<long> block, string sequence, CancellationToken cancellationToken)
    {
        var values = await ((IUnitOfWork)owner).Statements.ListAsync(
            $"SELECT nextval({sequence}) FROM generate_series(1, {BlockSize})", r => r.GetInt64(0), [], cancellationToken).ConfigureAwait(false);
        values.Sort();
        BlocksFetched++;
        foreach (var value in values.Skip(1))
        {
            block.Enqueue(value);
        }

        return values[0];
    }
}
