using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Integra.Gateway.Hosting;

/// <summary>
/// systemd's watchdog (<c>WatchdogSec=</c> in the unit): when systemd asks for pings (<c>WATCHDOG_USEC</c>, and
/// <c>WATCHDOG_PID</c> naming this process if set) the daemon sends <c>WATCHDOG=1</c> to <c>NOTIFY_SOCKET</c> at half
/// the interval, but only while every loop of <see cref="LoopHeartbeats"/> goes round. A loop stuck in a call that
/// never returns (a hung mount, a file that blocks on open) stops the pings, and systemd kills and restarts the
/// daemon after <c>WatchdogSec</c>; <c>Restart=on-failure</c> covers a watchdog kill. Written against the socket
/// itself: the hosting package's notifier exists only when systemd is the direct parent, and the watchdog belongs
/// to whoever set <c>NOTIFY_SOCKET</c> (systemd, or a container's init that speaks the protocol).
/// </summary>
public sealed class SystemdWatchdog(LoopHeartbeats loops, ILogger<SystemdWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Requested() is not { } request)
        {
            return;
        }

        var (socketPath, timeout) = request;
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        var endpoint = new UnixDomainSocketEndPoint(socketPath.StartsWith('@') ? "\0" + socketPath[1..] : socketPath);
        var ping = Encoding.ASCII.GetBytes("WATCHDOG=1");
        logger.LogInformation("systemd watchdog: pinging every {Interval} while every loop goes round (WatchdogSec {Timeout})", timeout / 2, timeout);
        using var timer = new PeriodicTimer(timeout / 2);
        var stuck = false;
        do
        {
            var stale = loops.Stale(timeout);
            if (stale.Count > 0)
            {
                if (!stuck)
                {
                    // Once: the log says why systemd is about to restart the daemon.
                    logger.LogCritical(
                        "Loop {Loops} has not gone round for {Seconds} s; not pinging the systemd watchdog, which restarts the gateway within {Timeout}",
                        string.Join(", ", stale.Select(s => s.Loop)),
                        (long)stale.Max(s => s.Since).TotalSeconds,
                        timeout);
                    stuck = true;
                }

                continue;
            }

            if (stuck)
            {
                logger.LogWarning("Every loop goes round again; pinging the systemd watchdog again");
                stuck = false;
            }

            try
            {
                await socket.SendToAsync(ping, SocketFlags.None, endpoint, stoppingToken).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                logger.LogWarning("systemd watchdog: cannot send to NOTIFY_SOCKET {Socket}: {Error}", socketPath, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>The socket and the timeout systemd set for this process, or null when it asked for no pings.</summary>
    internal static (string Socket, TimeSpan Timeout)? Requested()
    {
        var socket = Environment.GetEnvironmentVariable("NOTIFY_SOCKET");
        var usec = Environment.GetEnvironmentVariable("WATCHDOG_USEC");
        var pid = Environment.GetEnvironmentVariable("WATCHDOG_PID");
        if (string.IsNullOrEmpty(socket)
            || !long.TryParse(usec, NumberStyles.None, CultureInfo.InvariantCulture, out var microseconds) || microseconds <= 0
            || (!string.IsNullOrEmpty(pid) && pid != Environment.ProcessId.ToString(CultureInfo.InvariantCulture)))
        {
            return null;
        }

        return (socket, TimeSpan.FromMicroseconds(microseconds));
    }
}
