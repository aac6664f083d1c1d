using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Integra.Gateway.Drops.Sftp;

/// <summary>
/// One partner's SFTP connections: a fixed number of worker threads, each owning at most one <see cref="SftpClient"/>,
/// taking operations from one queue. A client is therefore only ever used by its own thread, one operation at a
/// time. A worker connects when it first needs to, and drops its client after any failed operation (SSH.NET's
/// <see cref="BaseClient.IsConnected"/> is not trustworthy after a server drop), so the next operation connects afresh.
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
    private readonly Thread[] _workers;
    private readonly Func<SftpClient> _connect;
    private readonly ILogger _logger;
    private readonly string _partner;
    private readonly TimeSpan _stopTimeout;
    private volatile bool _stopping;

    public SftpConnections(string partner, int count, Func<SftpClient> connect, TimeSpan stopTimeout, ILogger logger)
    {
        _partner = partner;
        _connect = connect;
        _stopTimeout = stopTimeout;
        _logger = logger;
        _workers = new Thread[Math.Max(1, count)];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = $"sftp {partner} {i + 1}" };
            _workers[i].Start();
        }
    }

    public int Count => _workers.Length;

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
            throw new ObjectDisposedException($"SFTP connections of {_partner} are closed", e);
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
        _stopping = true;
        _queue.CompleteAdding();
        var stopped = _workers.All(w => w.Join(_stopTimeout));
        if (stopped)
        {
            _queue.Dispose();
        }
        else
        {
            _logger.LogWarning("SFTP connections of {Partner} did not stop within {Timeout}", _partner, _stopTimeout);
        }
    }

    private void Work()
    {
        SftpClient? client = null;
        try
        {
            foreach (var work in _queue.GetConsumingEnumerable())
            {
                if (_stopping)
                {
                    work.Fail(new ObjectDisposedException($"SFTP connections of {_partner} are closed"));
                    continue;
                }

                if (work.IsAbandoned)
                {
                    continue;
                }

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
    }

    private sealed class SftpWork<T> : SftpWork
    {
        // The caller's code must not run on (and hold) the connection's thread.
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Func<SftpClient, T> _operation;
        private readonly CancellationTokenRegistration _cancellation;

        public SftpWork(Func<SftpClient, T> operation, CancellationToken cancellationToken)
        {
            _operation = operation;
            _cancellation = cancellationToken.Register(() => _result.TrySetCanceled(cancellationToken));
        }

        public Task<T> Task => _result.Task;

        public override bool IsAbandoned => _result.Task.IsCompleted;

        public override void Run(SftpClient client)
        {
            var value = _operation(client);
            _cancellation.Dispose();
            _result.TrySetResult(value);
        }

        public override void Fail(Exception exception)
        {
            _cancellation.Dispose();
            _result.TrySetException(exception);
        }
    }
}
