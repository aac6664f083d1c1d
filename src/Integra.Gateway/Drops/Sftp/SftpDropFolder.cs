using Integra.Gateway.Csv;
using Integra.Gateway.Processing;
using Integra.Gateway.Responses;
using Microsoft.Extensions.Logging;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Integra.Gateway.Drops.Sftp;

/// <summary>
/// One partner's drop on its SFTP server (SSH.NET), over up to <see cref="SftpPartnerSettings.Connections"/>
/// connections so that a batch's transfers overlap (<see cref="SftpConnections"/>: each client belongs to one worker
/// thread). The host key is checked against the pinned fingerprint on every connect.
/// </summary>
/// <remarks>Operations throw <see cref="SshException"/>, <see cref="IOException"/> (including
/// <see cref="HostKeyMismatchException"/>), <see cref="System.Net.Sockets.SocketException"/> or
/// <see cref="OperationCanceledException"/>; the caller retries later.</remarks>
public sealed class SftpDropFolder : IDropFolder, IDisposable
{
    private readonly string _partner;
    private readonly SftpPartnerSettings _settings;
    private readonly ILogger _logger;
    private readonly SftpConnections _connections;

    public SftpDropFolder(string partner, SftpPartnerSettings settings, ILogger logger)
    {
        _partner = partner;
        _settings = settings;
        _logger = logger;
        _connections = new SftpConnections(partner, settings.Connections, Connect, settings.OperationTimeout, logger);
    }

    public string Location => _settings.Location;

    public int Parallelism => _connections.Count;

    public Task<IReadOnlyList<DropEntry>> ListAsync(CancellationToken cancellationToken) =>
        _connections.RunAsync<IReadOnlyList<DropEntry>>(
            client => client.ListDirectory(_settings.Inbound)
                .Where(file => file.IsRegularFile)
                .Select(file => new DropEntry(file.Name, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero)))
                .ToList(),
            cancellationToken);

    public Task DownloadAsync(string name, Stream destination, CancellationToken cancellationToken)
    {
        var path = PathIn(_settings.Inbound, name);
        return _connections.RunAsync(client => client.DownloadFile(path, destination), cancellationToken);
    }

    public Task<IReadOnlyList<DropEntry>> ListOutboundAsync(CancellationToken cancellationToken) =>
        _connections.RunAsync<IReadOnlyList<DropEntry>>(
            client =>
            {
                try
                {
                    return client.ListDirectory(_settings.Outbound)
                        .Where(file => file.IsRegularFile)
                        .Select(file => new DropEntry(file.Name, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero)))
                        .ToList();
                }
                catch (SftpPathNotFoundException)
                {
                    // No outbound folder yet holds no names; writing the first response fails as it always did.
                    return [];
                }
            },
            cancellationToken);

    public Task DeleteOutboundAsync(string name, CancellationToken cancellationToken)
    {
        // Only the gateway's own temporary names (never a path): whatever a partner put there stays.
        if (!TemporaryNames.IsOurs(name))
        {
            throw new ArgumentException($"'{name}' is not a temporary file of the gateway", nameof(name));
        }

        var path = $"{_settings.Outbound.TrimEnd('/')}/{name}";
        return _connections.RunAsync(
            client =>
            {
                try
                {
                    client.DeleteFile(path);
                }
                catch (SftpPathNotFoundException)
                {
                    // Removed meanwhile (another instance's round after a fail-over): nothing left to do.
                }
            },
            cancellationToken);
    }

    public Task WriteResponseAsync(string responseName, IReadOnlyList<ResponseRow> rows, CancellationToken cancellationToken)
    {
        var final = PathIn(_settings.Outbound, responseName);

        // Dot-prefixed temporary name: partners' pollers skip it until the rename makes it whole.
        var temp = $"{_settings.Outbound.TrimEnd('/')}/{TemporaryNames.For(responseName)}";
        var content = ResponseWriter.Bytes(rows);
        return _connections.RunAsync(
            client =>
            {
                // WriteAllBytes is four requests (realpath, open, write, close); a stream would add an fstat.
                client.WriteAllBytes(temp, content);

                // posix-rename replaces a file of the same name atomically: only ever this answer written before a
                // crash, since OutboundNames gives each name once (SPEC §5).
                client.RenameFile(temp, final, isPosix: true);
            },
            cancellationToken);
    }

    public Task MoveAsync(string name, bool toError, CancellationToken cancellationToken)
    {
        var source = PathIn(_settings.Inbound, name);
        var folder = toError ? _settings.Error : _settings.Archive;
        var target = PathIn(folder, name);
        return _connections.RunAsync(
            client =>
            {
                // Try the rename first and look only when it fails: no extra request in the usual case.
                for (var n = 1; ; n++)
                {
                    try
                    {
                        client.RenameFile(source, target);
                        return;
                    }
                    catch (SftpPathNotFoundException)
                    {
                        return; // moved before a crash; nothing left to do
                    }
                    catch (SshException) when (n < 1000)
                    {
                        if (!client.Exists(target))
                        {
                            throw;
                        }

                        target = PathIn(folder, $"{name}.{n}"); // an archive keeps every upload
                    }
                }
            },
            cancellationToken);
    }

    public void Dispose() => _connections.Dispose();

    private static string PathIn(string folder, string name) =>
        SafeFileName.IsPlain(name) ? $"{folder.TrimEnd('/')}/{name}" : throw new ArgumentException($"unsafe file name '{name}'", nameof(name));

    /// <summary>A new connection, refused unless the server shows the pinned host key. Runs on a connection's worker.</summary>
    private SftpClient Connect()
    {
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
            client.Connect();
        }
        catch (SshConnectionException e) when (offered is not null && offered != Pinned(_settings.HostKeySha256))
        {
            client.Dispose();

            // Logged once per offered key by the channel's outage tracker (HostKeyRefused), not at every poll.
            throw new HostKeyMismatchException($"host key of {Location} for {_partner} is {offered}, pinned {Pinned(_settings.HostKeySha256)}", offered, Pinned(_settings.HostKeySha256), e);
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
}
