using System.Data;
using System.Data.Common;

namespace Integra.Gateway.Storage.Sessions;

/// <summary>The handles <see cref="UnitOfWork.Begin"/> and <see cref="UnitOfWork.TryLease"/> give out.</summary>
public sealed partial class UnitOfWork
{
    /// <summary>The unit of work's transaction, which it forgets once it is committed, rolled back or disposed.</summary>
    private sealed class Handle(UnitOfWork owner, DbTransaction transaction) : IStoreTransaction
    {
        public IDbConnection? Connection => transaction.Connection;

        public IsolationLevel IsolationLevel => transaction.IsolationLevel;

        public void Commit()
        {
            owner._statements.FlushPending();
            transaction.Commit();
            owner.Forget(transaction);
        }

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await owner._statements.FlushPendingAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            owner.Forget(transaction);
        }

        public void Rollback()
        {
            try
            {
                transaction.Rollback();
            }
            finally
            {
                owner.Forget(transaction);
            }
        }

        // Forgotten even when the connection broke under it and disposing throws: the unit of work then opens a fresh
        // connection for its next transaction instead of waiting for this one to end forever.
        public void Dispose()
        {
            try
            {
                transaction.Dispose();
            }
            finally
            {
                owner.Forget(transaction);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                owner.Forget(transaction);
            }
        }
    }

    /// <summary>A unit of work inside another: the outer one commits or rolls back.</summary>
    private sealed class JoinedUnitOfWork(DbTransaction outer) : IStoreTransaction
    {
        public IDbConnection? Connection => outer.Connection;

        public IsolationLevel IsolationLevel => outer.IsolationLevel;

        public void Commit()
        {
        }

        public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        public void Rollback() => throw new InvalidOperationException("A joined unit of work cannot roll back alone; let the exception reach the outer one.");

        public void Dispose()
        {
        }
    }

    private sealed class Lease(UnitOfWork owner, string name) : IDisposable, IAsyncDisposable
    {
        public void Dispose()
        {
            // A broken connection has already lost its session and the lease with it.
            if (owner._connection.State == ConnectionState.Open)
            {
                owner.Dialect.ReleaseLease(owner._connection, name);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (owner._connection.State == ConnectionState.Open)
            {
                await owner.Dialect.ReleaseLeaseAsync(owner._connection, name, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
