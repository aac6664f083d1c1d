using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Integra.Gateway.Drops.Sftp;

/// <summary>
/// One partner's SFTP connections: up to a fixed number of worker threads, each owning at most one
/// <see cref="SftpClient"/>, taking operations from one queue. A client is therefore only ever used by its own thread,
/// one operation at a time. A worker (and its connection) is added only when work arrives and every existing worker
/// is busy, so a quiet partner keeps one session. A worker connects when it first needs to, and drops its client
/// after any failed operation (SSH.NET's <see cref="BaseClient.IsConnected"/> is not trustworthy after a server
/// drop), so the next operation connects afresh.
/// </summary>
/// <remarks>
/// Why threads and SSH.NET's synchronous calls rather than its async ones: on the 2-core reference machine the async
/// calls cost about twice the CPU per SFTP request (each response hops through the thread pool), and moving many small
/// files is CPU-bound (bench/sftp-bench.sh). Every request is still bounded: SSH.NET applies
/// <see cref="SftpClient.OperationTimeout"/> to each request and <see cref="ConnectionInfo.Timeout"/> to connecting.
/// A caller whose token is cancelled stops waiting at once; an operation already running finishes (or times out) on
/// its worker, which is harmless because every drop operation may be repeated.
/// </remarks>
internal sealed class SftpConnections : IDisposable
{
    private readonly BlockingCollection<SftpWork> _queue = [];
    private readonly List<Thread> _workers = [];
    private readonly Func<SftpClient> _connect;
    private readonly ILogger _logger;
    private readonly string _partner;
    private readonly TimeSpan _stopTimeout;
    private int _idle;
    private volatile bool _stopping;

    public SftpConnections(string partner, int count, Func<SftpClient> connect, TimeSpan stopTimeout, ILogger logger)
    {
        _partner = partner;
        Count = Math.Max(1, count);
        _connect = connect;
        _stopTimeout = stopTimeout;
        _logger = logger;
    }

    /// <summary>The most connections (and workers) this partner gets.</summary>
    public int Count { get; }

    /// <summary>Runs <paramref name="operation"/> on the next free connection.</summary>
    public Task<T> RunAsync<T>(Func<SftpClient, T> operation, CancellationToken cancellationToken)
    {
        var work = new SftpWork<T>(operation, cancellationToken);
        try
        {
            // The queue is unbounded, so adding never waits; the work's own registration handles cancellation.
            _queue.Add(work, CancellationToken.None);
        }
        catch (InvalidOperationException e)
        {
            throw Closed(e);
        }

        if (Volatile.Read(ref _idle) == 0)
        {
            AddWorker();
        }

        return work.Task;
    }

    public Task RunAsync(Action<SftpClient> operation, CancellationToken cancellationToken) =>
        RunAsync(
            client =>
            {
                operation(client);
                return true;
            },
            cancellationToken);

    public void Dispose()
    {
        Thread[] workers;
        lock (_workers)
        {
            _stopping = true;
            workers = [.. _workers];
        }

        _queue.CompleteAdding();
        var stopped = workers.All(w => w.Join(_stopTimeout));
        if (stopped)
        {
            // Work added while disposal began, with no worker left to refuse it.
            while (_queue.TryTake(out var work))
            {
                work.Fail(Closed());
                work.Publish();
            }

            _queue.Dispose();
        }
        else
        {
            _logger.LogWarning("SFTP connections of {Partner} did not stop within {Timeout}", _partner, _stopTimeout);
        }
    }

    private ObjectDisposedException Closed(Exception? cause = null) => new($"SFTP connections of {_partner} are closed", cause);

    /// <summary>Starts another worker unless there are enough; a spare one at worst, never more than <see cref="Count"/>.</summary>
    private void AddWorker()
    {
        lock (_workers)
        {
            if (_stopping || _workers.Count >= Count)
            {
                return;
            }

            var worker = new Thread(Work) { IsBackground = true, Name = $"sftp {_partner} {_workers.Count + 1}" };
            _workers.Add(worker);
            worker.Start();
        }
    }

    private void Work()
    {
        SftpClient? client = null;
        Interlocked.Increment(ref _idle);
        try
        {
            while (_queue.TryTake(out var work, Timeout.Infinite))
            {
                Interlocked.Decrement(ref _idle);
                if (_stopping)
                {
                    work.Fail(Closed());
                }
                else if (!work.IsAbandoned)
                {
                    try
                    {
                        if (client is { IsConnected: false })
                        {
                            Close(client);
                            client = null;
                        }

                        client ??= _connect();
                        work.Run(client);
                    }
                    catch (Exception e)
                    {
                        Close(client);
                        client = null;
                        work.Fail(e);
                    }
                }

                // Idle again before the caller hears of it, so that its next operation finds this worker free.
                Interlocked.Increment(ref _idle);
                work.Publish();
            }
        }
        finally
        {
            Close(client);
        }
    }

    private void Close(SftpClient? client)
    {
        if (client is null)
        {
            return;
        }

        try
        {
            client.Dispose();
        }
        catch (Exception e) when (e is SshException or IOException or ObjectDisposedException)
        {
            _logger.LogDebug(e, "Closing a broken SFTP connection of {Partner}", _partner);
        }
    }

    private abstract class SftpWork
    {
        public abstract bool IsAbandoned { get; }

        public abstract void Run(SftpClient client);

        public abstract void Fail(Exception exception);

        /// <summary>Hands the result (or the failure) to the caller.</summary>
        public abstract void Publish();
    }

    private sealed class SftpWork<T> : SftpWork
    {
        // The caller's code must not run on (and hold) the connection's thread.
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Func<SftpClient, T> _operation;
        private readonly CancellationTokenRegistration _cancellation;
        private T? _value;
        private Exception? _failure;

        public SftpWork(Func<SftpClient, T> operation, CancellationToken cancellationToken)
        {
            _operation = operation;
            _cancellation = cancellationToken.Register(() => _result.TrySetCanceled(cancellationToken));
        }

        public Task<T> Task => _result.Task;

        public override bool IsAbandoned => _result.Task.IsCompleted;

        public override void Run(SftpClient client) => _value = _operation(client);

        public override void Fail(Exception exception) => _failure = exception;

        public override void Publish()
        {
            _cancellation.Dispose();
            if (_failure is not null)
            {
                _result.TrySetException(_failure);
            }
            else
            {
                _result.TrySetResult(_value!);
            }
        }
    }
}
