using System.Data.Common;

namespace Integra.Gateway.Storage;

/// <summary>
/// Fewer round trips on PostgreSQL, where each statement is one: inside a unit of work, the writes whose result
/// nobody reads (an order's update and event, its TNs) wait and go to the server in one batch together with the
/// next statement that returns a value, typically the version's INSERT of the same request. Any other use of the
/// connection, and the commit, sends them first, so every read still sees every earlier write. SQLite runs in
/// process: there is no round trip to save, and it executes each statement at once as before. Every batch is
/// prepared (<see cref="StoreDialect.PrepareStatements"/>): its statements are the store's own few texts, each parsed
/// by the server once per connection. A file of many requests sends its writes every <see cref="MaxPending"/>
/// statements rather than all at its commit, so they never wait in memory all at once.
/// </summary>
public sealed partial class OrderStore
{
    /// <summary>
    /// How many writes wait at most before they go (about a hundred requests of a large file): a round trip per
    /// batch that size costs nothing measurable, while a whole file's writes with their response JSON held until the
    /// commit were tens of megabytes.
    /// </summary>
    private const int MaxPending = 500;

    private readonly List<(string Sql, (string Name, object? Value)[] Parameters)> _pending = [];

    /// <summary>Executes a statement whose result is not needed now: at once, or with the next round trip.</summary>
    private void Defer(string sql, params (string Name, object? Value)[] parameters)
    {
        if (_transaction is null || Dialect.Provider != StoreProvider.Postgres)
        {
            Command(sql, parameters).ExecuteNonQuery();
            return;
        }

        // Between requests, when no new order's INSERT waits for its final values (an order is inserted once).
        if (_pending.Count >= MaxPending && (_insertWaiting.Count == 0 || _pending.Count >= 4 * MaxPending))
        {
            FlushPending();
        }

        _pending.Add((sql, parameters));
    }

    /// <summary>The first column of the first row of <paramref name="sql"/>, sent with the writes waiting.</summary>
    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        if (_pending.Count == 0)
        {
            return Command(sql, parameters).ExecuteScalar();
        }

        // Statements without rows (the waiting writes) give the reader no result set: the first one is this query's.
        using var batch = Batch();
        Add(batch, sql, parameters);
        Dialect.PrepareStatements(batch);
        using var reader = batch.ExecuteReader();
        return reader.Read() ? reader.GetValue(0) : null;
    }

    /// <summary>
    /// The first row of <paramref name="sql"/> through <paramref name="read"/>, or null when there is none; sent with
    /// the writes waiting (the previous request's last writes, when it looks up the next request's order).
    /// </summary>
    private T? First<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
        where T : class
    {
        if (_pending.Count == 0)
        {
            using var single = Command(sql, parameters).ExecuteReader();
            return single.Read() ? read(single) : null;
        }

        using var batch = Batch();
        Add(batch, sql, parameters);
        Dialect.PrepareStatements(batch);
        using var reader = batch.ExecuteReader();
        return reader.Read() ? read(reader) : null;
    }

    /// <summary>Sends the waiting writes now (before another use of the connection, and before a commit).</summary>
    private void FlushPending()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        using var batch = Batch();
        Dialect.PrepareStatements(batch);
        batch.ExecuteNonQuery();
    }

    /// <summary>A batch of the waiting writes, which it takes over; prepare it once its last statement is in.</summary>
    private DbBatch Batch()
    {
        var batch = _connection.CreateBatch();
        batch.Transaction = _transaction;
        foreach (var (sql, parameters) in _pending)
        {
            Add(batch, sql, parameters);
        }

        _pending.Clear();
        _insertWaiting.Clear();
        return batch;
    }

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
