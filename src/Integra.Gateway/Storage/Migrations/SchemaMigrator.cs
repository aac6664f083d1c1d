using Dapper;
using Integra.Gateway.Storage.Connections;

namespace Integra.Gateway.Storage.Migrations;

/// <summary>
/// Brings a store's schema up to the version this binary knows (<see cref="Schema.Migrations"/>), once, at start:
/// the daemon's host (its StoreMigrationService) and the command line's host run it before they
/// open a store; opening a store or a connection never looks at the schema. Each step reads the version and
/// migrates inside one transaction that holds the schema lock (PostgreSQL: an advisory lock; SQLite: the write
/// lock), so instances starting together never run the same step twice.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>The schema version this binary writes and reads: the number of its migration steps.</summary>
    public static int KnownVersion => Schema.Migrations.Count;

    /// <summary>Creates the store when needed and runs every step it lacks; returns the version it is at now.</summary>
    /// <exception cref="SchemaTooNewException">The store was migrated by a newer binary: this one must not use it.</exception>
    /// <exception cref="System.Data.Common.DbException">The store cannot be opened or written.</exception>
    public static int Migrate(string database)
    {
        var dialect = StoreDialect.For(StoreLocation.Parse(database));
        using var connection = dialect.Open();
        while (true)
        {
            using var tx = dialect.BeginMigration(connection);
            connection.Execute(dialect.Ddl(new Migration("CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL)")), transaction: tx);
            var current = (int)(connection.ExecuteScalar<long?>("SELECT MAX(version) FROM schema_info", transaction: tx) ?? 0);
            if (current > KnownVersion)
            {
                throw new SchemaTooNewException(current, KnownVersion);
            }

            if (current == KnownVersion)
            {
                tx.Commit();
                return current;
            }

            connection.Execute(dialect.Ddl(Schema.Migrations[current]), transaction: tx);
            connection.Execute("INSERT INTO schema_info (version) VALUES (@v)", new { v = current + 1 }, tx);
            tx.Commit();
        }
    }
}

/// <summary>
/// The store's schema is newer than this binary knows: an older binary started after an upgrade (a rollback without
/// restoring the database). It stops rather than write rows the newer schema does not expect.
/// </summary>
public sealed class SchemaTooNewException : Exception
{
    public SchemaTooNewException()
    {
    }

    public SchemaTooNewException(string message)
        : base(message)
    {
    }

    public SchemaTooNewException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SchemaTooNewException(int found, int known)
        : base($"schema version {found} is newer than this binary knows ({known}); run the binary that migrated it (or a later one), or restore the backup taken before the upgrade")
    {
        Found = found;
        Known = known;
    }

    /// <summary>The version recorded in the store.</summary>
    public int Found { get; }

    /// <summary>The newest version this binary knows.</summary>
    public int Known { get; }
}
