using System.Collections.Concurrent;
using System.Net.Sockets;
using Integra.Gateway.Drops.Sftp;
using Integra.Gateway.Logging;
using Integra.Gateway.Storage.Resilience;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Integra.Gateway.Hosting.Health;

/// <summary>
/// Quiet outages: per partner and channel, one <c>ChannelDown</c> Error when it starts failing and one
/// <c>ChannelRecovered</c> Information when it polls again, with how long it was down; the failures in between are
/// Debug. Known network, SSH, mail and timeout failures are told in one line, without a stack trace; anything else
/// keeps its stack (it may be a bug). A refused SFTP host key is told once per key the server offers. A round that
/// failed on the order store, not on the channel, is the store's outage (<see cref="StoreAvailability"/>): the
/// channel is not down for it.
/// </summary>
public sealed class ChannelOutages(IClock clock, ILogger logger, StoreAvailability? store = null)
{
    private readonly ConcurrentDictionary<(string Partner, string Channel), Instant> _down = new();
    private readonly ConcurrentDictionary<(string Partner, string Offered), bool> _refusedKeys = new();

    /// <summary>A failure that the network, the server or the partner's settings explain: no stack trace.</summary>
    public static bool IsKnown(Exception e) =>
        e is SocketException or TimeoutException or IOException or UnauthorizedAccessException
            or Renci.SshNet.Common.SshException
            or MailKit.ServiceNotConnectedException or MailKit.ProtocolException or MailKit.Security.AuthenticationException or MailKit.CommandException
            or System.Security.Authentication.AuthenticationException
        || (e.InnerException is { } inner && IsKnown(inner));

    /// <summary>Whether the channel is down now (since its first failure).</summary>
    public bool IsDown(string partner, string channel) => _down.ContainsKey((partner, channel));

    /// <summary>A round of the channel failed (after its retries).</summary>
    public void Failed(string partner, string channel, string location, Exception e)
    {
        if (store?.Failed($"{channel} round of {partner}", e) == true)
        {
            return;
        }

        if (e is HostKeyMismatchException { Offered: { } offered, Pinned: { } pinned } && _refusedKeys.TryAdd((partner, offered), true))
        {
            logger.HostKeyRefused(partner, location, offered, pinned);
        }

        var error = OneLine(e);
        if (_down.TryAdd((partner, channel), clock.GetCurrentInstant()))
        {
            logger.ChannelDown(IsKnown(e) ? null : e, partner, channel, location, error);
        }
        else
        {
            logger.LogDebug("Channel {Channel} of {Partner} at {Location} still down: {Error}", channel, partner, location, error);
        }
    }

    /// <summary>A round of the channel succeeded.</summary>
    public void Succeeded(string partner, string channel, string location)
    {
        store?.Succeeded();
        if (_down.TryRemove((partner, channel), out var since))
        {
            logger.ChannelRecovered(partner, channel, location, (clock.GetCurrentInstant() - since).TotalSeconds);
        }
    }

    /// <summary>The exception's type and message, with its innermost cause's when that says more.</summary>
    public static string OneLine(Exception e)
    {
        var inner = e.GetBaseException();
        var text = inner == e || e.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{e.GetType().Name}: {e.Message}"
            : $"{e.GetType().Name}: {e.Message} ({inner.GetType().Name}: {inner.Message})";
        return text.ReplaceLineEndings(" ");
    }
}
