using System.Data;
using System.Data.Common;

namespace Integra.Gateway.Storage.Sessions;

/// <summary>The handles <see cref="UnitOfWork.Begin"/> and <see cref="UnitOfWork.TryLease"/> give out.</summary>
public sealed partial class UnitOfWork
{
    /// <summary>The unit of work's transaction, which it forgets once it is committed, rolled back or disposed.</summary>
    private sealed class Handle(UnitOfWork owner, DbTransaction transaction) : IDbTransaction
    {
        public IDbConnection? Connection => transaction.Connection;

        public IsolationLevel IsolationLevel => transaction.IsolationLevel;

        public void Commit()
        {
            owner._statements.FlushPending();
            transaction.Commit();
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

    private sealed class Lease(UnitOfWork owner, string name) : IDisposable
    {
        public void Dispose()
        {
            // A broken connection has already lost its session and the lease with it.
            if (owner._connection.State == ConnectionState.Open)
            {
                owner.Dialect.ReleaseLease(owner._connection, name);
            }
        }
    }
}
