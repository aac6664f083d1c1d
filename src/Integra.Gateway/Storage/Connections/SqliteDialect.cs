using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Integra.Gateway.Storage.Connections;

/// <summary>
/// The embedded store: one file, one gateway instance. SQLite lets one writer in at a time, so a write transaction
/// is already serialised and leases are always granted.
/// </summary>
internal sealed class SqliteDialect(string path) : StoreDialect
{
    public override StoreProvider Provider => StoreProvider.Sqlite;

    public override string Database => Path.GetFullPath(path);

    public override DbConnection Open()
    {
        var connection = Connection();
        connection.Open();
        Prepare(connection);
        return connection;
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Connection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        Prepare(connection);
        return connection;
    }

    /// <summary>A busy or locked SQLite file breaks no connection: nothing to drop.</summary>
    public override void ClearPool()
    {
    }

    // Microsoft.Data.Sqlite's own pool keeps the file open between stores: opening a store costs no file open.
    private SqliteConnection Connection()
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 30 }.ToString());
    }

    // WAL lets the CLI read while the daemon writes; FULL sync makes a commit survive power loss. The settings but
    // WAL are the connection's own, so a pooled connection gets them again (they cost no I/O).
    private static void Prepare(SqliteConnection connection) =>
        connection.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;");

    public override DbTransaction BeginMigration(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    public override string Ddl(Migration migration) => migration.Common + Environment.NewLine + migration.SqliteOnly;

    public override string DaysBetween(string later, string earlier) => $"(julianday({later}) - julianday({earlier}))";

    // Dapper expands a list parameter into (@p1, @p2, ...).
    public override string InList(string column, string parameter) => $"{column} IN {parameter}";

    // json_each yields one row per array element; its element column is named value.
    public override string TextTable(string parameter) => $"json_each({parameter})";

    // A blob cast to TEXT is read as text in the database's encoding, UTF-8.
    public override string TextFromUtf8(string parameter) => $"CAST({parameter} AS TEXT)";

    public override object TextList(IReadOnlyCollection<string> values) => System.Text.Json.JsonSerializer.Serialize(values);

    public override void LockForTransaction(DbConnection connection, DbTransaction transaction, string name)
    {
        // The first write of the transaction takes SQLite's single write lock; nothing more to do.
    }

    public override bool TryLease(DbConnection connection, string name) => true;

    public override void ReleaseLease(DbConnection connection, string name)
    {
    }

    public override Task LockForTransactionAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public override Task<bool> TryLeaseAsync(DbConnection connection, string name, CancellationToken cancellationToken) => Task.FromResult(true);

    public override Task ReleaseLeaseAsync(DbConnection connection, string name, CancellationToken cancellationToken) => Task.CompletedTask;
}
