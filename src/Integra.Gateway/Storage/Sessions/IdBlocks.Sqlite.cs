namespace Integra.Gateway.Storage.Sessions;

/// <summary>
/// Ids and LSR numbers on SQLite, counted in the unit of work's transaction, so that a new order's INSERT can wait
/// for its final values (<see cref="Statements.TryRewriteWaiting"/>) as on PostgreSQL instead of being inserted and
/// then updated: a statement less per new order, and the <c>sequences</c> row written once per batch of writes
/// instead of once per LSR number.
/// </summary>
/// <remarks>
/// Safe because a SQLite transaction here is <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default): it holds the
/// database's single write lock from its start, so no other connection inserts an order or draws an LSR number
/// until it ends. The first id of a table is then the one <c>AUTOINCREMENT</c> would have given (after the larger
/// of <c>sqlite_sequence</c> and the highest id, so an id of a deleted row is never reused), and an INSERT with an
/// explicit id moves <c>sqlite_sequence</c> on as AUTOINCREMENT's own would: the same ids as before, in the same
/// order. The counters are forgotten with the transaction (<see cref="Forget"/>); the next one reads them again.
/// </remarks>
internal sealed partial class IdBlocks
{
    /// <summary>The key of the waiting write of the <c>sequences</c> row (<see cref="Statements.DeferLastAsync"/>).</summary>
    private const string LsrWrite = "sequences.lsrno";

    /// <summary>The last id handed out in this transaction, or null before the first.</summary>
    private long? _orderId;

    private long? _versionId;

    private long? _lsrValue;

    /// <summary>The transaction ended: the next one counts from the database again.</summary>
    public void Forget()
    {
        _orderId = null;
        _versionId = null;
        _lsrValue = null;
    }

    private const string OrderIds = "orders";

    private const string VersionIds = "versions";

    private async ValueTask<long> NextLocalAsync(string table, CancellationToken cancellationToken)
    {
        // The table name is one of the two literals of OrderIds and VersionIds, never input.
        var last = table == OrderIds ? _orderId : _versionId;
        last ??= (long)(await ((IUnitOfWork)owner).Statements.ScalarAsync(
            $"SELECT MAX(IFNULL((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0), IFNULL((SELECT MAX(id) FROM {table}), 0))", [], cancellationToken).ConfigureAwait(false))!;
        last++;
        if (table == OrderIds)
        {
            _orderId = last;
        }
        else
        {
            _versionId = last;
        }

        return last.Value;
    }

    private async ValueTask<long> NextLsrLocalAsync(CancellationToken cancellationToken)
    {
        _lsrValue ??= await ((IUnitOfWork)owner).Statements.ScalarAsync("SELECT value FROM sequences WHERE name = 'lsrno'", [], cancellationToken).ConfigureAwait(false) as long? ?? 0;
        _lsrValue++;

        // Only the last value matters: the row is written once with the waiting writes, whatever was drawn since.
        await ((IUnitOfWork)owner).Statements.DeferLastAsync(
            LsrWrite,
            "INSERT INTO sequences (name, value) VALUES ('lsrno', @value) ON CONFLICT (name) DO UPDATE SET value = @value",
            [("@value", _lsrValue.Value)],
            cancellationToken).ConfigureAwait(false);
        return _lsrValue.Value;
    }
}
