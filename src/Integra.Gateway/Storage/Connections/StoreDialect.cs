using System.Data.Common;

namespace Integra.Gateway.Storage.Connections;

/// <summary>
/// What differs between the databases behind the order store: opening a connection, the schema's type words,
/// locking, and the few SQL functions that have no common spelling. Everything else is shared SQL.
/// </summary>
internal abstract class StoreDialect
{
    public static StoreDialect For(StoreLocation location) => location.Provider switch
    {
        StoreProvider.Postgres => new PostgresDialect(location.Value),
        _ => new SqliteDialect(location.Value),
    };

    public abstract StoreProvider Provider { get; }

    /// <summary>Which database this is, for what the process keeps per database (never shown: it may hold a password).</summary>
    public abstract string Database { get; }

    /// <summary>An open connection from ADO.NET's pool, set up for durable commits.</summary>
    public abstract DbConnection Open();

    /// <inheritdoc cref="Open"/>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Drops the idle connections of this store's pool, after a failure that may have broken all of them.</summary>
    public abstract void ClearPool();

    /// <summary>A transaction that holds the schema write lock, so two workers never run the same migration step.</summary>
    public abstract DbTransaction BeginMigration(DbConnection connection);

    /// <summary>The SQL of a migration step for this database.</summary>
    public abstract string Ddl(Migration migration);

    /// <summary>An SQL expression: days from <paramref name="earlier"/> to <paramref name="later"/> (ISO instant texts).</summary>
    public abstract string DaysBetween(string later, string earlier);

    /// <summary>An SQL condition: <paramref name="column"/> is one of the values of the list parameter <paramref name="parameter"/>.</summary>
    public abstract string InList(string column, string parameter);

    /// <summary>
    /// A table expression with one text column <c>value</c>, one row per element of the list parameter
    /// <paramref name="parameter"/> (bound with <see cref="TextList"/>): a whole listing goes to the database in one
    /// statement with one parameter, however long it is (a Dapper list would need a parameter per element).
    /// </summary>
    public abstract string TextTable(string parameter);

    /// <summary>An SQL expression: the text whose UTF-8 bytes the byte-array parameter <paramref name="parameter"/> holds.</summary>
    public abstract string TextFromUtf8(string parameter);

    /// <summary>The value to bind for a <see cref="TextTable"/> parameter.</summary>
    public abstract object TextList(IReadOnlyCollection<string> values);

    /// <summary>
    /// Prepares a statement the store keeps and runs again and again (its kept commands), where the database gains by
    /// it. SQLite prepares a command on its first execution and keeps it: nothing to do there.
    /// </summary>
    public virtual void PrepareStatement(DbCommand command)
    {
    }

    /// <summary>Prepares every statement of a batch of the store's waiting writes; see <see cref="PrepareStatement"/>.</summary>
    public virtual void PrepareStatements(DbBatch batch)
    {
    }

    /// <summary>Serialises this transaction with every other one that takes the same named lock, until it ends.</summary>
    public abstract void LockForTransaction(DbConnection connection, DbTransaction transaction, string name);

    /// <summary>Takes the named lease for this connection unless another connection holds it; false when taken.</summary>
    public abstract bool TryLease(DbConnection connection, string name);

    public abstract void ReleaseLease(DbConnection connection, string name);

    /// <inheritdoc cref="PrepareStatement"/>
    public virtual ValueTask PrepareStatementAsync(DbCommand command, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc cref="PrepareStatements"/>
    public virtual ValueTask PrepareStatementsAsync(DbBatch batch, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc cref="LockForTransaction"/>
    public abstract Task LockForTransactionAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken);

    /// <inheritdoc cref="TryLease"/>
    public abstract Task<bool> TryLeaseAsync(DbConnection connection, string name, CancellationToken cancellationToken);

    /// <inheritdoc cref="ReleaseLease"/>
    public abstract Task ReleaseLeaseAsync(DbConnection connection, string name, CancellationToken cancellationToken);
}
