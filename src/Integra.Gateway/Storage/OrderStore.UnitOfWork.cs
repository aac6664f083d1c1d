using System.Data;
using System.Data.Common;

namespace Integra.Gateway.Storage;

/// <summary>The handles <see cref="OrderStore.Begin"/> and <see cref="OrderStore.TryLease"/> give out.</summary>
public sealed partial class OrderStore
{
    /// <summary>The store's transaction, which the store forgets once it is committed, rolled back or disposed.</summary>
    private sealed class UnitOfWork(OrderStore store, DbTransaction transaction) : IDbTransaction
    {
        public IDbConnection? Connection => transaction.Connection;

        public IsolationLevel IsolationLevel => transaction.IsolationLevel;

        public void Commit()
        {
            store.FlushPending();
            transaction.Commit();
            Forget();
        }

        public void Rollback()
        {
            try
            {
                transaction.Rollback();
            }
            finally
            {
                Forget();
            }
        }

        // Forgotten even when the connection broke under it and disposing throws: the store then opens a fresh
        // connection for its next unit of work instead of waiting for this one to end forever.
        public void Dispose()
        {
            try
            {
                transaction.Dispose();
            }
            finally
            {
                Forget();
            }
        }

        private void Forget()
        {
            if (ReferenceEquals(store._transaction, transaction))
            {
                store._transaction = null;
                store._newWithoutTns.Clear();
                store._pending.Clear();
                store._insertWaiting.Clear();
                store._absent.Clear();
            }
        }
    }

    /// <summary>A unit of work inside another: the outer one commits or rolls back.</summary>
    private sealed class JoinedUnitOfWork(DbTransaction outer) : IDbTransaction
    {
        public IDbConnection? Connection => outer.Connection;

        public IsolationLevel IsolationLevel => outer.IsolationLevel;

        public void Commit()
        {
        }

        public void Rollback() => throw new InvalidOperationException("A joined unit of work cannot roll back alone; let the exception reach the outer one.");

        public void Dispose()
        {
        }
    }

    private sealed class Lease(OrderStore store, string name) : IDisposable
    {
        public void Dispose()
        {
            // A broken connection has already lost its session and the lease with it.
            if (store._connection.State == ConnectionState.Open)
            {
                store.Dialect.ReleaseLease(store._connection, name);
            }
        }
    }
}
