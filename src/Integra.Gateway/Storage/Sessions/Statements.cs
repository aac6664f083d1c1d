using System.Data.Common;

namespace Integra.Gateway.Storage.Sessions;

/// <summary>
/// The statements of one unit of work's connection: each hot statement kept as a command and prepared once
/// (<see cref="Command"/>), the writes that wait for the next round trip on PostgreSQL (<see cref="DeferAsync"/>), and
/// multi-row INSERTs (<see cref="InsertRowsAsync"/>). The stores' own few texts, parsed by the server once per connection.
/// </summary>
internal sealed partial class Statements(UnitOfWork owner)
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The waiting writes' statements on SQLite, bound without Microsoft.Data.Sqlite's per-execution cost.</summary>
    private SqliteWrites? _sqliteWrites;

    /// <summary>
    /// A command for <paramref name="sql"/>, kept for the life of the connection and prepared (on PostgreSQL
    /// explicitly, <see cref="Connections.StoreDialect.PrepareStatement"/>): each hot statement is parsed and planned
    /// once instead of once per request, which dominates the cost of a large file.
    /// </summary>
    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Kept(owner.Connection, sql, parameters);
        owner.Dialect.PrepareStatement(command);
        return command;
    }

    /// <summary>The kept command for <paramref name="sql"/> on <paramref name="connection"/> with these values, not yet prepared.</summary>
    private DbCommand Kept(DbConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command) || !SameNames(command.Parameters, parameters))
        {
            // Another parameter list for the same text gets a new command: a prepared command whose parameters are
            // rebuilt keeps binding the old ones on Npgsql (see PostgresDialect), which answers with wrong rows.
            command?.Dispose();
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            _commands[sql] = command;
        }

        command.Transaction = owner.Transaction;

        // The kept command keeps its parameters too: a hot statement sets values, it does not rebuild them.
        var list = command.Parameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            list[i].Value = parameters[i].Value ?? DBNull.Value;
        }

        return command;
    }

    /// <summary>Whether writes wait to be sent (the next use of the connection sends them).</summary>
    public bool AnyWaiting => Waiting;

    /// <summary>Drops the kept commands (the connection is closed, or replaced after it broke).</summary>
    public void DisposeCommands()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        _sqliteWrites?.Dispose();
    }

    private static bool SameNames(DbParameterCollection list, (string Name, object? Value)[] parameters)
    {
        if (list.Count != parameters.Length)
        {
            return false;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (!string.Equals(list[i].ParameterName, parameters[i].Name, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
