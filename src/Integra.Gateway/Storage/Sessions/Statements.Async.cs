using System.Data.Common;
using Integra.Gateway.Storage.Connections;

namespace Integra.Gateway.Storage.Sessions;

/// <summary>
/// The statements' async side, for the paths that serve a request or a worker round: the same kept commands, waiting
/// writes and batches as the sync side, sent with Npgsql's async API so that no thread of the pool waits while the
/// server answers. A write that only waits costs nothing here (a completed <see cref="ValueTask"/>); only the writes
/// that go now (outside a unit of work, or <see cref="MaxPending"/> reached) await. Microsoft.Data.Sqlite runs its
/// async methods synchronously: on SQLite this is the sync path with a completed task around it.
/// </summary>
internal sealed partial class Statements
{
    /// <inheritdoc cref="Command"/>
    /// <remarks>Sends the waiting writes first, asynchronously (<see cref="UnitOfWork.ConnectionAsync"/>).</remarks>
    public async ValueTask<DbCommand> CommandAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        var command = Kept(await owner.ConnectionAsync(cancellationToken).ConfigureAwait(false), sql, parameters);
        await owner.Dialect.PrepareStatementAsync(command, cancellationToken).ConfigureAwait(false);
        return command;
    }

    /// <summary>Executes a statement whose result is not needed now: at once, or with the next round trip.</summary>
    public ValueTask DeferAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken) =>
        DeferRowsAsync(null, sql, parameters, cancellationToken);

    /// <summary>
    /// <see cref="DeferAsync"/> for an INSERT whose rows may go by binary COPY on PostgreSQL (<paramref name="copy"/>;
    /// see <see cref="CopyTarget"/> for which rows may): its parameters are the rows' values, row after row.
    /// </summary>
    public ValueTask DeferRowsAsync(CopyTarget? copy, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        if (owner.Transaction is null)
        {
            return ExecuteNowAsync(sql, parameters, cancellationToken);
        }

        // Between requests, when no new order's INSERT waits for its final values (an order is inserted once).
        var flush = _pending.Count >= PendingLimit && (_insertWaiting.Count == 0 || _pending.Count >= 4 * PendingLimit);
        if (flush && !Batches)
        {
            // Only to bound what waits (SQLite runs in process: nothing to await); the counter's row (DeferLastAsync)
            // keeps waiting for a read or the commit.
            ExecuteInProcess(withLast: false);
        }

        if (!flush || !Batches)
        {
            _pending.Add(new Write(sql, parameters, Batches ? copy : null));
            return ValueTask.CompletedTask;
        }

        return FlushThenAddAsync(new Write(sql, parameters, Batches ? copy : null), cancellationToken);
    }

    /// <summary>
    /// <see cref="DeferAsync"/> for the INSERT of a new row with key <paramref name="key"/>: while it waits, the row's
    /// final values can still go into it (<see cref="TryRewriteWaiting"/>).
    /// </summary>
    public async ValueTask DeferInsertAsync(long key, CopyTarget? copy, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await DeferRowsAsync(copy, sql, parameters, cancellationToken).ConfigureAwait(false);
        if (owner.Transaction is not null)
        {
            // It waits last (after a flush that was due, alone): outside a unit of work it went at once.
            _insertWaiting[key] = _pending.Count - 1;
        }
    }

    /// <summary>
    /// <see cref="DeferAsync"/> for a write that a later one with the same <paramref name="key"/> makes moot (a
    /// counter's row): while it waits, the later one replaces it, and it goes after the other waiting writes.
    /// </summary>
    public ValueTask DeferLastAsync(string key, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        if (owner.Transaction is null)
        {
            return ExecuteNowAsync(sql, parameters, cancellationToken);
        }

        _last[key] = new Write(sql, parameters, null);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc cref="Scalar"/>
    public ValueTask<object?> ScalarAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken) =>
        FirstAsync<object>(sql, static reader => reader.GetValue(0), parameters, cancellationToken);

    /// <summary>
    /// The first row of <paramref name="sql"/> through <paramref name="read"/>, or null when there is none; sent with
    /// the writes waiting (the previous request's last writes, when it looks up the next request's order).
    /// </summary>
    public async ValueTask<T?> FirstAsync<T>(string sql, Func<DbDataReader, T> read, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
        where T : class
    {
        if (!Waiting || !Batches)
        {
            var command = await CommandAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
            var single = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (single.ConfigureAwait(false))
            {
                return await single.ReadAsync(cancellationToken).ConfigureAwait(false) ? read(single) : null;
            }
        }

        var batch = await BatchAsync(cancellationToken).ConfigureAwait(false);
        await using (batch.ConfigureAwait(false))
        {
            Add(batch, sql, parameters);
            await owner.Dialect.PrepareStatementsAsync(batch, cancellationToken).ConfigureAwait(false);
            var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? read(reader) : null;
            }
        }
    }

    /// <summary>The rows of <paramref name="sql"/> through <paramref name="read"/>, on a kept command, after the waiting writes.</summary>
    public async ValueTask<List<T>> ListAsync<T>(string sql, Func<DbDataReader, T> read, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        var command = await CommandAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
    }

    /// <inheritdoc cref="FlushPending"/>
    public async ValueTask FlushPendingAsync(CancellationToken cancellationToken)
    {
        if (!Waiting)
        {
            return;
        }

        if (!Batches)
        {
            // SQLite: in process, through its own prepared statements (SqliteWrites); Microsoft.Data.Sqlite's async
            // methods would run synchronously too.
            ExecuteInProcess(withLast: true);
            return;
        }

        var batch = await BatchAsync(cancellationToken).ConfigureAwait(false);
        await using (batch.ConfigureAwait(false))
        {
            if (batch.BatchCommands.Count == 0)
            {
                // Every waiting write went by COPY.
                return;
            }

            await owner.Dialect.PrepareStatementsAsync(batch, cancellationToken).ConfigureAwait(false);
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask ExecuteNowAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        var command = await CommandAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask FlushThenAddAsync(Write write, CancellationToken cancellationToken)
    {
        await FlushPendingAsync(cancellationToken).ConfigureAwait(false);
        _pending.Add(write);
    }

    /// <inheritdoc cref="Batch"/>
    private async ValueTask<DbBatch> BatchAsync(CancellationToken cancellationToken)
    {
        await CopyRowsAsync(_pending, cancellationToken).ConfigureAwait(false);
        return BatchOfStatements();
    }
}
