using System.Net;
using System.Net.Sockets;

namespace Integra.Gateway.Webhooks;

/// <summary>
/// Which addresses a delivery may connect to (SSRF guard): a partner chooses the URL, so without this the gateway
/// would POST, from inside the network, to the cloud metadata service (169.254.169.254), to private services (10/8,
/// 172.16/12, 192.168/16, fc00::/7) or to itself. The check is made on the addresses actually connected to
/// (<see cref="ConnectAsync"/>, the handler's ConnectCallback), not on the URL, so neither a DNS name that resolves to
/// a private address nor DNS rebinding between a check and the connection gets past it. Loopback only when
/// <see cref="WebhookSettings.AllowLoopback"/> says so (tests and development receivers).
/// </summary>
public static class WebhookTargets
{
    /// <summary>Whether a delivery may connect to <paramref name="address"/>.</summary>
    public static bool IsAllowed(IPAddress address, bool allowLoopback)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback;
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    /// <summary>
    /// The handler's ConnectCallback: resolves the host, refuses the connection when any of its addresses is not
    /// allowed (a mixed answer is a rebinding attempt, not a reason to pick), and connects to the checked addresses.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(string host, int port, bool allowLoopback, CancellationToken cancellationToken)
    {
        var name = host.Trim('[', ']');
        var addresses = IPAddress.TryParse(name, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(name, cancellationToken);
        if (addresses.Length == 0 || addresses.Any(a => !IsAllowed(a, allowLoopback)))
        {
            throw new WebhookTargetRefusedException(addresses.Length == 0 ? $"{name} has no address" : $"{name} is {Describe(addresses)}, not a public address");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string Describe(IPAddress[] addresses) => string.Join(", ", addresses.Select(a => a.ToString()));

    private static bool IsPublicV4(byte[] b) => !(
        b[0] == 0 // "this network"
        || b[0] == 10
        || b[0] == 127
        || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT
        || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata
        || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
        || (b[0] == 192 && b[1] == 0 && b[2] == 0) // IETF protocol assignments
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 198 && (b[1] == 18 || b[1] == 19)) // benchmarking
        || b[0] >= 224); // multicast, reserved, broadcast

    private static bool IsPublicV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (b[0] & 0xfe) == 0xfc)
        {
            return false;
        }

        // Addresses that carry an IPv4 address (NAT64 64:ff9b::/96, 6to4 2002::/16) are as public as the one they carry.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)
        {
            return IsPublicV4(b[12..16]);
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsPublicV4(b[2..6]);
        }

        // The rest of ::/8 (IPv4-compatible, unspecified, loopback handled above) is not routable.
        return b[0] != 0;
    }
}

/// <summary>A delivery target that is not a public address (<see cref="WebhookTargets"/>): a failed attempt, never a connection.</summary>
public sealed class WebhookTargetRefusedException(string message) : IOException(message);
