using System.Net;
using System.Net.Sockets;
using Integra.Gateway.Hosting.Health;

namespace Integra.Gateway.Configuration.Checks;

/// <summary>
/// The checks of what the daemon takes when it starts, run only for <c>run</c> (<see cref="Files"/>): the addresses it
/// listens on are free and the folders it writes are writable. Found here, a used port or a read-only folder ends the
/// start with exit 2 and one line naming the key, before any worker runs.
/// </summary>
public sealed partial class SettingsCheck
{
    private readonly HashSet<string> _bound = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A listen address of one of <paramref name="schemes"/> (see <see cref="ListenAddress"/>).</summary>
    /// <returns>Whether it is one.</returns>
    public bool Listen(string key, string? value, params string[] schemes)
    {
        if (ListenAddress.TryParse(value, out _, out _, schemes))
        {
            return true;
        }

        var example = $"{schemes[0]}://127.0.0.1:9180/";
        Add(key, $"'{value}' is not a listen address like {example} ({string.Join(" or ", schemes)}, a host — an IP address, 0.0.0.0, + or * for every address, or a name — and a port)");
        return false;
    }

    /// <summary>
    /// The port of a valid listen address is free now, when files are checked. An address two keys share is checked
    /// once: one listener serves both (the probes and the scrape may share one).
    /// </summary>
    public void Bindable(string key, string address)
    {
        if (!Files || !ListenAddress.TryParse(address, out var host, out var port, "http", "https") || !_bound.Add(ListenAddress.Normalize(address)))
        {
            return;
        }

        var ip = host switch
        {
            "*" or "+" => IPAddress.Any,
            _ when host.Equals("localhost", StringComparison.OrdinalIgnoreCase) => IPAddress.Loopback,
            _ => IPAddress.TryParse(host.Trim('[', ']'), out var parsed) ? parsed : null,
        };
        if (ip is null)
        {
            return; // a name other than localhost: Kestrel binds every address for it, and says so if it cannot
        }

        try
        {
            using var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            // As Kestrel does on Linux: connections of a previous run in TIME_WAIT do not hold the port; a listener does.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(ip, port));
        }
        catch (SocketException e)
        {
            Add(key, $"cannot listen on {ListenAddress.Normalize(address)}: {e.Message} (is another process on port {port}?)");
        }
    }

    /// <summary>A folder the daemon writes in (created when missing) takes a new file now, when files are checked.</summary>
    public void WritableFolder(string key, string? path)
    {
        if (!Files || string.IsNullOrEmpty(path))
        {
            return;
        }

        var full = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".integra-gateway-write-check-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Add(key, $"cannot write in {full}: {e.Message}");
        }
    }
}
