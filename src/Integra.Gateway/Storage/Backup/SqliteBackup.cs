using Dapper;
using Microsoft.Data.Sqlite;

namespace Integra.Gateway.Storage.Backup;

/// <summary>What a backup wrote: the file, the schema version in it, its size.</summary>
public sealed record BackupResult(string File, int SchemaVersion, long Bytes);

/// <summary>
/// A copy of a SQLite order store taken with SQLite's online backup API while the daemon keeps writing. The copy is
/// one consistent snapshot: the backup reads the database inside one read transaction, and in WAL mode (the store's
/// mode) that reader never blocks the daemon's writers, nor they it. The copy is written beside the target under a
/// temporary name and renamed when complete and checked, so a failed or interrupted backup never leaves a file that
/// looks like a good one.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies <paramref name="database"/> to <paramref name="target"/> (which must not exist yet).</summary>
    /// <exception cref="SqliteException">The store cannot be read, or the copy fails its integrity check.</exception>
    /// <exception cref="IOException">The target cannot be written.</exception>
    public static BackupResult Run(string database, string target)
    {
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            // Read-only and unpooled: the backup must neither create a store nor keep the file open afterwards.
            using (var source = Open(database, SqliteOpenMode.ReadOnly))
            using (var copy = Open(partial, SqliteOpenMode.ReadWriteCreate))
            {
                source.Execute("PRAGMA busy_timeout=30000;");
                source.BackupDatabase(copy);

                // The copy is one self-contained file: a rollback journal, not the source's WAL mode, so that copying
                // the one file back is a whole restore.
                copy.ExecuteScalar<string>("PRAGMA journal_mode=DELETE;");
                var check = copy.ExecuteScalar<string>("PRAGMA quick_check;");
                if (check != "ok")
                {
                    throw new InvalidDataException($"the copy failed SQLite's quick_check: {check}");
                }
            }

            var version = SchemaVersion(partial);
            File.Move(partial, target, overwrite: false);
            return new BackupResult(target, version, new FileInfo(target).Length);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>The schema version recorded in a store file (0 for a file with no order store in it).</summary>
    public static int SchemaVersion(string database)
    {
        using var connection = Open(database, SqliteOpenMode.ReadOnly);
        var hasSchema = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_info'") > 0;
        return hasSchema ? (int)(connection.ExecuteScalar<long?>("SELECT MAX(version) FROM schema_info") ?? 0) : 0;
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }
}
