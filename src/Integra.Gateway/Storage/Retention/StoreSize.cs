using Integra.Gateway.Storage.Connections;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Integra.Gateway.Storage.Retention;

/// <summary>The order store's size on disk in bytes: SQLite's page_count × page_size, PostgreSQL's pg_database_size.</summary>
public static class StoreSize
{
    /// <exception cref="System.Data.Common.DbException">The store cannot be read.</exception>
    public static long Read(string database)
    {
        var location = StoreLocation.Parse(database);
        if (location.Provider == StoreProvider.Sqlite)
        {
            if (!File.Exists(location.Value))
            {
                return 0;
            }

            using var sqlite = new SqliteConnection(SqliteReadOnly(location.Value));
            sqlite.Open();
            return sqlite.ExecuteScalar<long>(SqliteSize);
        }

        using var postgres = new Npgsql.NpgsqlConnection(location.Value);
        postgres.Open();
        return postgres.ExecuteScalar<long>(PostgresSize);
    }

    /// <summary><see cref="Read"/> for a worker round: the connection and the query awaited, cancelled with the round.</summary>
    /// <exception cref="System.Data.Common.DbException">The store cannot be read.</exception>
    public static async Task<long> ReadAsync(string database, CancellationToken cancellationToken)
    {
        var location = StoreLocation.Parse(database);
        if (location.Provider == StoreProvider.Sqlite)
        {
            if (!File.Exists(location.Value))
            {
                return 0;
            }

            await using var sqlite = new SqliteConnection(SqliteReadOnly(location.Value));
            await sqlite.OpenAsync(cancellationToken).ConfigureAwait(false);
            return await sqlite.ExecuteScalarAsync<long>(new CommandDefinition(SqliteSize, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await using var postgres = new Npgsql.NpgsqlConnection(location.Value);
        await postgres.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await postgres.ExecuteScalarAsync<long>(new CommandDefinition(PostgresSize, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private const string SqliteSize = "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";

    private const string PostgresSize = "SELECT pg_database_size(current_database())";

    private static string SqliteReadOnly(string path) =>
        new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 5 }.ToString();
}
