using System.Data.Common;
using System.Net.Sockets;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Integra.Gateway.Storage.Connections;

/// <summary>Whether the store takes writes now, and how store failures are recognised and told to an operator.</summary>
internal static class StoreProbe
{
    // Whether the order store can be used now, asked on a connection of its own so that a store that went away under
    // an open connection (a SQLite folder moved, a database turned read-only or stopped) is noticed.
    /// <summary>Checks that the store at <paramref name="database"/> exists and takes writes now; changes nothing.</summary>
    /// <exception cref="DbException">It cannot be opened, or is read-only.</exception>
    /// <exception cref="InvalidOperationException">The account may not write the store's tables.</exception>
    public static void ProbeWritable(string database)
    {
        var location = StoreLocation.Parse(database);
        if (location.Provider == StoreProvider.Sqlite)
        {
            // ReadWrite without Create: a store whose file is gone is a failure, not a new empty store.
            var builder = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(location.Value), Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30 };
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            connection.Execute("PRAGMA busy_timeout=30000");

            // The write lock for an instant: a read-only file or folder fails here.
            connection.Execute("BEGIN IMMEDIATE");
            connection.Execute("ROLLBACK");
            return;
        }

        // Unpooled, as the SQLite probe: the judge of whether the store is gone asks on a connection made now, never
        // on a pooled one that a server restart broke a moment ago.
        using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(location.Value) { Pooling = false }.ConnectionString))
        {
            connection.Open();
            if (connection.ExecuteScalar<string>("SELECT current_setting('transaction_read_only')") == "on")
            {
                throw new InvalidOperationException("the database is read-only (a standby, or default_transaction_read_only)");
            }

            if (!connection.ExecuteScalar<bool>("SELECT has_table_privilege('orders', 'INSERT')"))
            {
                throw new InvalidOperationException("the account may not insert into the orders table");
            }
        }
    }

    /// <inheritdoc cref="ProbeWritable"/>
    /// <remarks>For the watchdog's checks; Microsoft.Data.Sqlite's async calls run synchronously, so on SQLite a busy store still holds the thread while it waits.</remarks>
    public static async Task ProbeWritableAsync(string database, CancellationToken cancellationToken)
    {
        var location = StoreLocation.Parse(database);
        if (location.Provider == StoreProvider.Sqlite)
        {
            // ReadWrite without Create: a store whose file is gone is a failure, not a new empty store.
            var builder = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(location.Value), Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30 };
            await using var connection = new SqliteConnection(builder.ToString());
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA busy_timeout=30000", cancellationToken: cancellationToken));

            // The write lock for an instant: a read-only file or folder fails here.
            await connection.ExecuteAsync(new CommandDefinition("BEGIN IMMEDIATE", cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition("ROLLBACK", cancellationToken: cancellationToken));
            return;
        }

        // Unpooled, as the SQLite probe: the judge of whether the store is gone asks on a connection made now, never
        // on a pooled one that a server restart broke a moment ago.
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(location.Value) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            if (await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT current_setting('transaction_read_only')", cancellationToken: cancellationToken)) == "on")
            {
                throw new InvalidOperationException("the database is read-only (a standby, or default_transaction_read_only)");
            }

            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT has_table_privilege('orders', 'INSERT')", cancellationToken: cancellationToken)))
            {
                throw new InvalidOperationException("the account may not insert into the orders table");
            }
        }
    }

    /// <summary>A failure to reach, open or write the store, as opposed to a bug.</summary>
    public static bool IsStoreFailure(Exception e) =>
        e is DbException or IOException or UnauthorizedAccessException or SocketException or TimeoutException or InvalidOperationException or ArgumentException or UriFormatException;

    /// <summary>The store's location for a message: a SQLite path, or a connection string without its password.</summary>
    public static string Describe(string database)
    {
        try
        {
            var location = StoreLocation.Parse(database);
            return location.Provider == StoreProvider.Sqlite
                ? location.Value
                : new NpgsqlConnectionStringBuilder(location.Value) { Password = null }.ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException)
        {
            return "(a PostgreSQL connection string that does not parse)";
        }
    }

    /// <summary>The failure in one line, with the cause underneath when it says more (e.g. "Connection refused").</summary>
    public static string Reason(Exception e)
    {
        var reason = e.Message;
        if (e.InnerException is { } inner && !reason.Contains(inner.Message, StringComparison.Ordinal))
        {
            reason += $" ({inner.Message})";
        }

        return reason.ReplaceLineEndings(" ");
    }
}
