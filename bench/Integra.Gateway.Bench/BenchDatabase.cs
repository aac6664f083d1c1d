using Npgsql;

namespace Integra.Gateway.Bench;

/// <summary>Where a mode's run stores its rows: a new, empty database for every run, dropped after it.</summary>
internal abstract class BenchDatabase
{
    public abstract string Name { get; }

    /// <summary>A new database (a SQLite path or a PostgreSQL connection string) for one run.</summary>
    public abstract string Create(string label);

    public abstract void Drop(string database);

    public static BenchDatabase Sqlite(string root) => new SqliteDatabases(root);

    public static BenchDatabase Postgres(string server) => new PostgresDatabases(server);

    private sealed class SqliteDatabases(string root) : BenchDatabase
    {
        public override string Name => "SQLite";

        public override string Create(string label) => Path.Combine(root, $"{label}-{Guid.NewGuid():N}.db");

        public override void Drop(string database)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(database + suffix);
            }
        }
    }

    private sealed class PostgresDatabases(string server) : BenchDatabase
    {
        public override string Name => "PostgreSQL";

        public override string Create(string label)
        {
            var name = $"bench_{label}_{Guid.NewGuid():N}";
            Admin($"CREATE DATABASE {name}");
            return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        }

        public override void Drop(string database)
        {
            NpgsqlConnection.ClearAllPools();
            Admin($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(database).Database} WITH (FORCE)");
        }

        private void Admin(string sql)
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
    }
}
