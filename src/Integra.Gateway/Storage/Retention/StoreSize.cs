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

            using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(location.Value), Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 5 }.ToString());
            sqlite.Open();
            return sqlite.ExecuteScalar<long>("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
        }

        using var postgres = new Npgsql.NpgsqlConnection(location.Value);
        postgres.Open();
        return postgres.ExecuteScalar<long>("SELECT pg_database_size(current_database())");
    }
}
