using System.Data.Common;
using Integra.Gateway.Storage.Connections;

namespace Integra.Gateway.Storage.Sessions;

/// <summary>
/// Fewer round trips on PostgreSQL, where each statement is one: inside a unit of work, the writes whose result
/// nobody reads (an order's update and event, its TNs) wait and go to the server in one batch together with the
/// next statement that returns a value, typically the version's INSERT of the same request. Any other use of the
/// connection, and the commit, sends them first, so every read still sees every earlier write. SQLite runs in
/// process and has no round trip to save, but its writes wait too, one statement after the other when they go: a
/// new order's INSERT then waits for its final values (<see cref="TryRewriteWaiting"/>) instead of being followed
/// by an UPDATE, and a row written again and again (the LSR counter) is written once (<see cref="DeferLastAsync"/>). Every batch is
/// prepared (<see cref="StoreDialect.PrepareStatements"/>): its statements are the stores' own few texts, each parsed
/// by the server once per connection. A file of many requests sends its writes every <see cref="MaxPending"/>
/// statements rather than all at its commit, so they never wait in memory all at once.
/// </summary>
internal sealed partial class Statements
{
    /// <summary>
    /// How many writes wait at most before they go (about a hundred requests of a large file): a round trip per
    /// batch that size costs nothing measurable, while a whole file's writes with their response JSON held until the
    /// commit were tens of megabytes.
    /// </summary>
    private const int MaxPending = 500;

    /// <summary>
    /// The same on SQLite, where a write costs no round trip and waits only for its order's final values: the writes
    /// of a request or two go together, so that their parameters (a version's response JSON among them) die young
    /// instead of surviving a hundred requests into the collector's older generations.
    /// </summary>
    private const int MaxPendingInProcess = 8;

    private int PendingLimit => Batches ? MaxPending : MaxPendingInProcess;

    private readonly List<Write> _pending = [];

    /// <summary>Writes of which only the last matters, by key, sent after <see cref="_pending"/>.</summary>
    private readonly Dictionary<string, Write> _last = new(StringComparer.Ordinal);

    /// <summary>Whether waiting writes go as one batch (PostgreSQL) or one statement after the other (SQLite, in process).</summary>
    private bool Batches => owner.Dialect.Provider == StoreProvider.Postgres;

    /// <summary>
    /// New rows whose INSERT waits in <see cref="_pending"/>, by key (an order's id), with its place there: the row's
    /// first change writes its final values into that INSERT (<see cref="TryRewriteWaiting"/>) instead of sending an
    /// UPDATE after it.
    /// </summary>
    private readonly Dictionary<long, int> _insertWaiting = [];

    /// <summary>
    /// Replaces the waiting INSERT of the row <paramref name="key"/> with what <paramref name="rewrite"/> makes of its
    /// parameters; false when it is not waiting (it went out already, or it was never deferred).
    /// </summary>
    public bool TryRewriteWaiting(long key, CopyTarget? copy, Func<(string Name, object? Value)[], (string Sql, (string Name, object? Value)[] Parameters)> rewrite)
    {
        if (!_insertWaiting.Remove(key, out var at))
        {
            return false;
        }

        var (sql, parameters) = rewrite(_pending[at].Parameters);
        _pending[at] = new Write(sql, parameters, Batches ? copy : null);
        return true;
    }

    /// <summary>The first column of the first row of <paramref name="sql"/>, sent with the writes waiting.</summary>
    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        // Command sends the waiting writes first (through the unit of work's Connection), one by one on SQLite.
        if (!Waiting || !Batches)
        {
            return Command(sql, parameters).ExecuteScalar();
        }

        // Statements without rows (the waiting writes) give the reader no result set: the first one is this query's.
        using var batch = Batch();
        Add(batch, sql, parameters);
        owner.Dialect.PrepareStatements(batch);
        using var reader = batch.ExecuteReader();
        return reader.Read() ? reader.GetValue(0) : null;
    }

    /// <summary>Sends the waiting writes now (before another use of the connection, and before a commit).</summary>
    public void FlushPending()
    {
        if (!Waiting)
        {
            return;
        }

        if (!Batches)
        {
            ExecuteInProcess(withLast: true);
            return;
        }

        using var batch = Batch();
        if (batch.BatchCommands.Count == 0)
        {
            // Every waiting write went by COPY.
            return;
        }

        owner.Dialect.PrepareStatements(batch);
        batch.ExecuteNonQuery();
    }

    /// <summary>Executes the waiting writes one after the other (SQLite), and the counters' rows too when <paramref name="withLast"/>.</summary>
    private void ExecuteInProcess(bool withLast)
    {
        // Taken out first: the fallback's Command passes through the unit of work's Connection, which flushes again.
        var waiting = withLast ? _pending.Concat(_last.Values).ToArray() : _pending.ToArray();
        _pending.Clear();
        _insertWaiting.Clear();
        if (withLast)
        {
            _last.Clear();
        }

        var connection = (Microsoft.Data.Sqlite.SqliteConnection)owner.RawConnection;
        _sqliteWrites ??= new SqliteWrites((sql, parameters) => Command(sql, parameters).ExecuteNonQuery());
        foreach (var (sql, parameters, _) in waiting)
        {
            _sqliteWrites.Execute(connection, sql, parameters);
        }
    }

    /// <summary>Forgets the waiting writes: the unit of work ended without them (a rollback, a broken connection).</summary>
    public void ClearPending()
    {
        _pending.Clear();
        _last.Clear();
        _insertWaiting.Clear();
    }

    private bool Waiting => _pending.Count > 0 || _last.Count > 0;

    /// <summary>
    /// A batch of the waiting writes, which it takes over; prepare it once its last statement is in. The rows that
    /// may go by COPY go first, before the batch is even built (<see cref="CopyRows"/>).
    /// </summary>
    private DbBatch Batch()
    {
        CopyRows(_pending);
        return BatchOfStatements();
    }

    /// <summary>A batch of the waiting writes that did not go by COPY, which it takes over.</summary>
    private DbBatch BatchOfStatements()
    {
        var batch = owner.RawConnection.CreateBatch();
        batch.Transaction = owner.Transaction;
        foreach (var (sql, parameters, copy) in _pending.Concat(_last.Values))
        {
            if (copy is null)
            {
                Add(batch, sql, parameters);
            }
        }

        _pending.Clear();
        _last.Clear();
        _insertWaiting.Clear();
        return batch;
    }

    /// <summary>A waiting write: its statement, and where its rows may go by COPY instead (PostgreSQL only).</summary>
    private readonly record struct Write(string Sql, (string Name, object? Value)[] Parameters, CopyTarget? Copy);

    private static void Add(DbBatch batch, string sql, (string Name, object? Value)[] parameters)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        batch.BatchCommands.Add(command);
    }
}
