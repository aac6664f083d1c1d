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
    /// <summary>The key of the waiting write of the <c>sequences</c> row (<see cref="Statements.DeferLast"/>).</summary>
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

    private long NextLocal(ref long? last, string table)
    {
        // The table name is one of the two literals of OrderId and VersionId, never input.
        last ??= (long)((IUnitOfWork)owner).Statements.Scalar(
            $"SELECT MAX(IFNULL((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0), IFNULL((SELECT MAX(id) FROM {table}), 0))")!;
        last++;
        return last.Value;
    }

    private long NextLsrLocal()
    {
        _lsrValue ??= ((IUnitOfWork)owner).Statements.Scalar("SELECT value FROM sequences WHERE name = 'lsrno'") as long? ?? 0;
        _lsrValue++;

        // Only the last value matters: the row is written once with the waiting writes, whatever was drawn since.
        ((IUnitOfWork)owner).Statements.DeferLast(
            LsrWrite,
            "INSERT INTO sequences (name, value) VALUES ('lsrno', @value) ON CONFLICT (name) DO UPDATE SET value = @value",
            ("@value", _lsrValue.Value));
        return _lsrValue.Value;
    }
}
