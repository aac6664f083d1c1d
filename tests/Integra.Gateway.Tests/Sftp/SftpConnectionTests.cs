using System.Globalization;
using Integra.Gateway.Drops.Sftp;
using Integra.Gateway.Tests.Servers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Integra.Gateway.Tests.Sftp;

/// <summary>How a partner's drop uses its SFTP connections: bounded, cancellable, closed on dispose.</summary>
[Collection(TestServers.Name)]
public sealed class SftpConnectionTests : IDisposable
{
    private readonly TestServersFixture _server;
    private readonly string _root;

    public SftpConnectionTests(TestServersFixture server)
    {
        _server = server;
        _root = Path.Combine(server.Root, Guid.NewGuid().ToString("N"));
        foreach (var folder in new[] { "in", "out", "archive", "error" })
        {
            Directory.CreateDirectory(Path.Combine(_root, folder));
        }
    }

    private SftpDropFolder Folder(int connections)
    {
        var settings = _server.Settings(_root);
        settings.Connections = connections;
        return new SftpDropFolder("ACME", settings, NullLogger.Instance);
    }

    [Fact]
    public async Task Concurrent_operations_never_open_more_sessions_than_configured()
    {
        using var folder = Folder(connections: 2);
        var peak = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 40), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, token) =>
        {
            await folder.ListAsync(token);
            var open = EstablishedClientConnections();
            InterlockedMax(ref peak, open);
        });

        Assert.InRange(peak, 1, 2);
        Assert.Equal(2, folder.Parallelism);
    }

    [Fact]
    public async Task Operations_one_after_another_share_one_session()
    {
        using var folder = Folder(connections: 4);
        for (var i = 0; i < 10; i++)
        {
            await folder.ListAsync(default);
        }

        Assert.Equal(1, EstablishedClientConnections());
    }

    [Fact]
    public async Task A_cancelled_caller_stops_waiting_at_once_and_the_connection_keeps_working()
    {
        using var folder = Folder(connections: 1);
        var big = Path.Combine(_root, "in", "big.lsr.csv");
        await File.WriteAllBytesAsync(big, new byte[64 * 1024 * 1024]);

        // With one connection, the listing waits behind the 64 MiB download; its caller gives up meanwhile.
        var download = folder.DownloadAsync("big.lsr.csv", Stream.Null, default);
        using var cancel = new CancellationTokenSource();
        var listing = folder.ListAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listing);
        Assert.False(download.IsCompleted, "the caller was released only when the download ahead of it finished");
        await download;
        Assert.Contains(await folder.ListAsync(default), e => e.Name == "big.lsr.csv");
    }

    [Fact]
    public async Task After_dispose_operations_are_refused_and_sessions_are_closed()
    {
        var folder = Folder(connections: 2);
        await folder.ListAsync(default);
        Assert.True(EstablishedClientConnections() >= 1);

        folder.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => folder.ListAsync(default));
        Assert.Equal(0, EstablishedClientConnections());
    }

    /// <summary>
    /// Client-side TCP connections to the test sshd, from the kernel's tables (.NET's dual-mode sockets show under
    /// tcp6 with IPv4-mapped addresses).
    /// </summary>
    private int EstablishedClientConnections()
    {
        var port = int.Parse(_server.Env["SFTP_PORT"], CultureInfo.InvariantCulture).ToString("X4", CultureInfo.InvariantCulture);
        return new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists).SelectMany(t => File.ReadLines(t).Skip(1))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Count(f => f[2].EndsWith(":" + port, StringComparison.Ordinal) && f[3] == "01");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
