using System.Collections.Concurrent;
using Integra.Gateway.Processing;
using Integra.Gateway.Responses;
using Microsoft.Extensions.Logging;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Integra.Gateway.Drops.Sftp;

/// <summary>
/// One partner's drop on its SFTP server (SSH.NET), over up to <see cref="SftpPartnerSettings.Connections"/>
/// connections so that a batch's transfers overlap. An <see cref="SftpClient"/> is never shared: each operation
/// takes an idle one (or connects one) and gives it back. The host key is checked against the pinned fingerprint
/// on every connect. Because <see cref="BaseClient.IsConnected"/> is not trustworthy after a server drop, any
/// failed operation drops its client, and the next operation connects afresh.
/// </summary>
/// <remarks>Operations throw <see cref="SshException"/>, <see cref="IOException"/> (including
/// <see cref="HostKeyMismatchException"/>), <see cref="System.Net.Sockets.SocketException"/> or
/// <see cref="OperationCanceledException"/> on timeout; the caller retries later.</remarks>
public sealed class SftpDropFolder : IDropFolder, IDisposable
{
    private readonly string _partner;
    private readonly SftpPartnerSettings _settings;
    private readonly ILogger _logger;
    private readonly ConcurrentBag<SftpClient> _idle = [];
    private readonly SemaphoreSlim _slots;

    public SftpDropFolder(string partner, SftpPartnerSettings settings, ILogger logger)
    {
        _partner = partner;
        _settings = settings;
        _logger = logger;
        _slots = new SemaphoreSlim(Math.Max(1, settings.Connections));
        Loas = new SftpLoaSource(this);
    }

    public string Location => _settings.Location;

    public int Parallelism => Math.Max(1, _settings.Connections);

    public ILoaSource Loas { get; }

    public async Task<IReadOnlyList<DropEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = new List<DropEntry>();
        await Guarded(
            async (client, token) =>
            {
                await foreach (var file in client.ListDirectoryAsync(_settings.Inbound, token))
                {
                    if (file.IsRegularFile)
                    {
                        entries.Add(new DropEntry(file.Name, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero)));
                    }
                }
            },
            cancellationToken);
        return entries;
    }

    public Task DownloadAsync(string name, Stream destination, CancellationToken cancellationToken) =>
        Guarded((client, token) => client.DownloadFileAsync(PathIn(_settings.Inbound, name), destination, token), cancellationToken);

    public Task WriteResponseAsync(string responseName, IReadOnlyList<ResponseRow> rows, CancellationToken cancellationToken) =>
        Guarded(
            async (client, token) =>
            {
                // Dot-prefixed temporary name: partners' pollers skip it until the rename makes it whole.
                var final = PathIn(_settings.Outbound, responseName);
                var temp = $"{_settings.Outbound.TrimEnd('/')}/.{responseName}.{Guid.NewGuid():N}.tmp";
                using var buffer = new MemoryStream();
                ResponseWriter.Write(buffer, rows);
                buffer.Position = 0;
                await client.UploadFileAsync(buffer, temp, token);
                // posix-rename replaces an older response of the same name atomically.
                await Task.Run(() => client.RenameFile(temp, final, isPosix: true), token);
            },
            cancellationToken);

    public Task MoveAsync(string name, bool toError, CancellationToken cancellationToken) =>
        Guarded(
            async (client, token) =>
            {
                var source = PathIn(_settings.Inbound, name);
                var folder = toError ? _settings.Error : _settings.Archive;
                var target = PathIn(folder, name);

                // Try the rename first and look only when it fails: one round trip in the usual case.
                for (var n = 1; ; n++)
                {
                    try
                    {
                        await client.RenameFileAsync(source, target, token);
                        return;
                    }
                    catch (SftpPathNotFoundException)
                    {
                        return; // moved before a crash; nothing left to do
                    }
                    catch (SshException) when (n < 1000)
                    {
                        if (!await client.ExistsAsync(target, token))
                        {
                            throw;
                        }

                        target = PathIn(folder, $"{name}.{n}"); // an archive keeps every upload
                    }
                }
            },
            cancellationToken);

    public void Dispose()
    {
        while (_idle.TryTake(out var client))
        {
            Close(client);
        }

        _slots.Dispose();
    }

    /// <summary>An LOA beside the inbound files, fetched while a batch is being decided.</summary>
    internal LoaDocument? FetchDocument(string name)
    {
        if (!SafeFileName.IsPlain(name))
        {
            return null;
        }

        var path = PathIn(_settings.Inbound, name);
        LoaDocument? document = null;
        Guarded(
            (client, token) =>
            {
                if (client.Exists(path) && client.GetAttributes(path).Size <= LoaDocument.MaxBytes)
                {
                    using var content = new MemoryStream();
                    client.DownloadFile(path, content);
                    document = new LoaDocument(name, content.ToArray());
                }

                return Task.CompletedTask;
            },
            CancellationToken.None).GetAwaiter().GetResult();
        return document;
    }

    private static string PathIn(string folder, string name) =>
        SafeFileName.IsPlain(name) ? $"{folder.TrimEnd('/')}/{name}" : throw new ArgumentException($"unsafe file name '{name}'", nameof(name));

    private async Task Guarded(Func<SftpClient, CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.OperationTimeout);
        await _slots.WaitAsync(timeout.Token);
        SftpClient? client = null;
        try
        {
            client = await ConnectedAsync(timeout.Token);
            await operation(client, timeout.Token);
            _idle.Add(client);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Close(client);
            throw;
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>An idle connected client, or a new connection when there is none.</summary>
    private async Task<SftpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.IsConnected)
            {
                return idle;
            }

            Close(idle);
        }

        var client = new SftpClient(Credentials.ConnectionInfo(_settings))
        {
            OperationTimeout = _settings.OperationTimeout,
            KeepAliveInterval = _settings.KeepAliveInterval,
        };
        string? offered = null;
        client.HostKeyReceived += (_, e) =>
        {
            offered = $"SHA256:{e.FingerPrintSHA256.TrimEnd('=')}";
            e.CanTrust = string.Equals(offered, Pinned(_settings.HostKeySha256), StringComparison.Ordinal);
        };
        try
        {
            await client.ConnectAsync(cancellationToken);
        }
        catch (SshConnectionException e) when (offered is not null && offered != Pinned(_settings.HostKeySha256))
        {
            client.Dispose();
            _logger.LogCritical(
                "REFUSED SFTP connection for {Partner} to {Location}: host key {Offered} is not the pinned {Pinned}. Possible man-in-the-middle or an unannounced server change.",
                _partner, Location, offered, Pinned(_settings.HostKeySha256));
            throw new HostKeyMismatchException($"host key of {Location} for {_partner} is {offered}, pinned {Pinned(_settings.HostKeySha256)}", e);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return client;
    }

    private static string Pinned(string fingerprint)
    {
        var value = fingerprint.Trim();
        return (value.StartsWith("SHA256:", StringComparison.Ordinal) ? value : "SHA256:" + value).TrimEnd('=');
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

    private sealed class SftpLoaSource(SftpDropFolder folder) : ILoaSource
    {
        public LoaDocument? Fetch(string name) => folder.FetchDocument(name);
    }
}
