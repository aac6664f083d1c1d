using System.Data;
using System.Data.Common;
using Integra.Gateway.Storage.Connections;
using NodaTime;

namespace Integra.Gateway.Storage.Sessions;

/// <summary>
/// The unit of work on SQLite or PostgreSQL (<see cref="StoreDialect"/>): one connection from ADO.NET's pool, given
/// back when disposed. The schema is not looked at: the host migrated it at start
/// (<see cref="Migrations.SchemaMigrator"/>).
/// </summary>
public sealed partial class UnitOfWork : IUnitOfWork
{
    private readonly Dictionary<Type, object> _stores = [];
    private readonly Statements _statements;
    private readonly IdBlocks _ids;
    private DbConnection _connection;
    private DbTransaction? _transaction;

    private UnitOfWork(StoreDialect dialect, DbConnection connection, IClock clock)
    {
        Dialect = dialect;
        _connection = connection;
        Clock = clock;
        _statements = new Statements(this);
        _ids = new IdBlocks(this);
    }

    /// <summary>
    /// Opens a unit of work on the store at <paramref name="database"/> (a SQLite file or a PostgreSQL connection
    /// string; see <see cref="StoreLocation"/>).
    /// </summary>
    public static UnitOfWork Open(string database, IClock clock)
    {
        var dialect = StoreDialect.For(StoreLocation.Parse(database));
        return new UnitOfWork(dialect, dialect.Open(), clock);
    }

    public StoreProvider Provider => Dialect.Provider;

    public IClock Clock { get; }

    /// <summary>How many blocks of ids this unit of work fetched, for tests that count round trips instead of timing them.</summary>
    internal int BlocksFetched => _ids.BlocksFetched;

    internal StoreDialect Dialect { get; }

    StoreDialect IUnitOfWork.Dialect => Dialect;

    DbConnection IUnitOfWork.Connection => Connection;

    DbTransaction? IUnitOfWork.Transaction => _transaction;

    Statements IUnitOfWork.Statements => _statements;

    IdBlocks IUnitOfWork.Ids => _ids;

    /// <inheritdoc cref="IUnitOfWork.Connection"/>
    internal DbConnection Connection
    {
        get
        {
            if (_connection.State != ConnectionState.Open && _transaction is null)
            {
                _statements.DisposeCommands();
                _connection.Dispose();
                _connection = Dialect.Open();
            }

            // Whoever uses the connection next sees the writes that were waiting for a round trip.
            _statements.FlushPending();
            return _connection;
        }
    }

    /// <summary>The connection as it is, without reopening it or sending waiting writes (for the statements themselves).</summary>
    internal DbConnection RawConnection => _connection;

    /// <inheritdoc cref="IUnitOfWork.Transaction"/>
    internal DbTransaction? Transaction => _transaction;

    public IStoreTransaction Begin()
    {
        if (_transaction is not null)
        {
            return new JoinedUnitOfWork(_transaction);
        }

        _transaction = Connection.BeginTransaction();
        return new Handle(this, _transaction);
    }

    public async Task<IStoreTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            return new JoinedUnitOfWork(_transaction);
        }

        var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
        _transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        return new Handle(this, _transaction);
    }

    /// <inheritdoc cref="IUnitOfWork.ConnectionAsync"/>
    internal ValueTask<DbConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        _connection.State == ConnectionState.Open && !_statements.AnyWaiting
            ? ValueTask.FromResult(_connection)
            : ReopenAndFlushAsync(cancellationToken);

    ValueTask<DbConnection> IUnitOfWork.ConnectionAsync(CancellationToken cancellationToken) => ConnectionAsync(cancellationToken);

    private async ValueTask<DbConnection> ReopenAndFlushAsync(CancellationToken cancellationToken)
    {
        if (_connection.State != ConnectionState.Open && _transaction is null)
        {
            _statements.DisposeCommands();
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        // Whoever uses the connection next sees the writes that were waiting for a round trip.
        await _statements.FlushPendingAsync(cancellationToken).ConfigureAwait(false);
        return _connection;
    }

    public Task LockAsync(string name, CancellationToken cancellationToken) =>
        Dialect.LockForTransactionAsync(_connection, _transaction ?? throw new InvalidOperationException("Lock needs a unit of work: call Begin first."), name, cancellationToken);

    public async Task<IAsyncDisposable?> TryLeaseAsync(string name, CancellationToken cancellationToken) =>
        await Dialect.TryLeaseAsync(await ConnectionAsync(cancellationToken).ConfigureAwait(false), name, cancellationToken).ConfigureAwait(false) ? new Lease(this, name) : null;

    public void Lock(string name) =>
        Dialect.LockForTransaction(_connection, _transaction ?? throw new InvalidOperationException("Lock needs a unit of work: call Begin first."), name);

    public IDisposable? TryLease(string name) =>
        Dialect.TryLease(Connection, name) ? new Lease(this, name) : null;

    public T Store<T>(Func<IUnitOfWork, T> create)
        where T : class
    {
        if (!_stores.TryGetValue(typeof(T), out var store))
        {
            _stores[typeof(T)] = store = create(this);
        }

        return (T)store;
    }

    public void Dispose()
    {
        foreach (var store in _stores.Values.OfType<IDisposable>())
        {
            store.Dispose();
        }

        _stores.Clear();
        _statements.DisposeCommands();
        _connection.Dispose();
    }

    /// <summary>The transaction ended (committed, rolled back, or broke): what held only inside it is forgotten.</summary>
    private void Forget(DbTransaction transaction)
    {
        if (!ReferenceEquals(_transaction, transaction))
        {
            return;
        }

        _transaction = null;
        _statements.ClearPending();
        _ids.Forget();
        foreach (var store in _stores.Values.OfType<IUnitOfWorkScoped>())
        {
            store.Ended();
        }
    }
}
