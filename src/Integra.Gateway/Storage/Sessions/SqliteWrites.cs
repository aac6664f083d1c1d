using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Integra.Gateway.Storage.Sessions;

/// <summary>
/// The waiting writes of a unit of work on SQLite, executed through the engine's own prepared statements
/// (<see cref="raw"/>) on the connection's handle, inside its transaction. Microsoft.Data.Sqlite looks every parameter up
/// by name and converts every text to a new UTF-8 array on every execution: for a large file's five writes a request,
/// with some seventy parameters, that binding took a quarter of the daemon path's time (measured, README). Here each
/// statement text is prepared once per connection, its parameters' positions are looked up once, and a text is handed
/// to SQLite as UTF-16 (<c>sqlite3_bind_text16</c>), which converts it without a managed copy.
/// </summary>
/// <remarks>
/// Errors are Microsoft.Data.Sqlite's own <see cref="SqliteException"/>, as from a command. A value of a type not bound
/// here, and a busy database (whose wait Microsoft.Data.Sqlite implements), go through <paramref name="fallback"/>:
/// the same statement as a kept command.
/// </remarks>
internal sealed class SqliteWrites(Action<string, (string Name, object? Value)[]> fallback) : IDisposable
{
    private readonly Dictionary<string, Prepared> _prepared = new(StringComparer.Ordinal);

    /// <summary>Executes one write (no rows expected) on <paramref name="connection"/>, in its current transaction.</summary>
    public void Execute(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        if (!Bindable(parameters))
        {
            fallback(sql, parameters);
            return;
        }

        var db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var statement = Statement(db, sql, parameters);
        var stmt = statement.Stmt;
        try
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                Check(Bind(stmt, statement.Indexes[i], parameters[i].Value), db);
            }

            var rc = raw.sqlite3_step(stmt);
            if (rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED)
            {
                raw.sqlite3_reset(stmt);
                fallback(sql, parameters);
                return;
            }

            if (rc is not (raw.SQLITE_DONE or raw.SQLITE_ROW))
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }
        }
        finally
        {
            // A reset statement holds no lock and no read of the database: the commit and other statements may run.
            raw.sqlite3_reset(stmt);
        }
    }

    /// <summary>Finalizes the prepared statements (before their connection is closed or given back to the pool).</summary>
    public void Dispose()
    {
        foreach (var statement in _prepared.Values)
        {
            statement.Stmt.Dispose();
        }

        _prepared.Clear();
    }

    private Prepared Statement(sqlite3 db, string sql, (string Name, object? Value)[] parameters)
    {
        if (_prepared.TryGetValue(sql, out var statement) && ReferenceEquals(statement.Db, db) && statement.SameNames(parameters))
        {
            return statement;
        }

        statement?.Stmt.Dispose();
        Check(raw.sqlite3_prepare_v2(db, sql, out var stmt), db);
        var indexes = new int[parameters.Length];
        var names = new string[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            names[i] = parameters[i].Name;
            indexes[i] = raw.sqlite3_bind_parameter_index(stmt, names[i]);
            if (indexes[i] == 0)
            {
                stmt.Dispose();
                throw new InvalidOperationException($"The statement has no parameter {names[i]}: {sql}");
            }
        }

        statement = new Prepared(db, stmt, names, indexes);
        _prepared[sql] = statement;
        return statement;
    }

    private static bool Bindable((string Name, object? Value)[] parameters)
    {
        foreach (var (_, value) in parameters)
        {
            if (value is not (null or DBNull or string or long or int or bool or double or byte[]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The value as Microsoft.Data.Sqlite binds it: integers and booleans as INTEGER, text, REAL, BLOB or NULL.</summary>
    /// <remarks>An empty span would reach SQLite as a null pointer, which binds NULL: an empty text or blob is bound as such.</remarks>
    private static int Bind(sqlite3_stmt stmt, int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(stmt, index),
        "" => raw.sqlite3_bind_text(stmt, index, string.Empty),
        string text => raw.sqlite3_bind_text16(stmt, index, text.AsSpan()),
        byte[] { Length: 0 } => raw.sqlite3_bind_zeroblob(stmt, index, 0),
        long number => raw.sqlite3_bind_int64(stmt, index, number),
        int number => raw.sqlite3_bind_int64(stmt, index, number),
        bool flag => raw.sqlite3_bind_int64(stmt, index, flag ? 1 : 0),
        double real => raw.sqlite3_bind_double(stmt, index, real),
        byte[] bytes => raw.sqlite3_bind_blob(stmt, index, bytes),
        _ => throw new InvalidOperationException($"No SQLite binding for {value.GetType().Name}."),
    };

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    /// <summary>A statement prepared on one connection's handle, with its parameters' positions by the names it was prepared with.</summary>
    private sealed class Prepared(sqlite3 db, sqlite3_stmt stmt, string[] names, int[] indexes)
    {
        public sqlite3 Db => db;

        public sqlite3_stmt Stmt => stmt;

        public int[] Indexes => indexes;

        public bool SameNames((string Name, object? Value)[] parameters)
        {
            if (parameters.Length != names.Length)
            {
                return false;
            }

            for (var i = 0; i < names.Length; i++)
            {
                if (!string.Equals(names[i], parameters[i].Name, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
