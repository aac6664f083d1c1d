using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 29: under systemd's watchdog (<c>WatchdogSec=</c>) the real daemon pings <c>WATCHDOG=1</c> to
/// <c>NOTIFY_SOCKET</c> while its loops go round, and stops while one is stuck. The socket is the test's own Unix
/// datagram socket, as systemd's would be; the stuck loop is real: a FIFO in a drop blocks the drop's download in
/// open(2) until someone writes to it.
/// </summary>
public sealed class WatchdogTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly TempDir _temp = new();

    [Fact]
    public async Task The_daemon_pings_the_watchdog_while_its_loops_go_round_and_not_while_the_drop_loop_is_stuck()
    {
        var socketPath = _temp.File("notify.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        var pings = new ConcurrentQueue<DateTimeOffset>();
        var other = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var receiver = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            while (!stop.IsCancellationRequested)
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None, stop.Token);
                var message = Encoding.ASCII.GetString(buffer, 0, n);
                if (message == "WATCHDOG=1")
                {
                    pings.Enqueue(DateTimeOffset.UtcNow);
                }
                else
                {
                    other.Enqueue(message);
                }
            }
        });

        // WatchdogSec=4: a ping every 2 s while every loop goes round.
        var folder = _temp.File("d");
        using var daemon = new DaemonProcess(folder, new Dictionary<string, string>
        {
            ["NOTIFY_SOCKET"] = socketPath,
            ["WATCHDOG_USEC"] = "4000000",
            ["INTEGRA_LocalDrop__QuietPeriod"] = "00:00:00",
        });
        await daemon.Running();
        Assert.True(await Eventually.Until(() => pings.Count >= 2, Bound), $"no watchdog pings: {daemon.Output} {daemon.Error}");

        // The local drop's loop gets stuck for real: reading the FIFO's "file" blocks until a writer opens it.
        var inbox = Path.Combine(folder, "drop", "ACME", "in");
        Assert.True(await Eventually.Until(() => Directory.Exists(inbox), Bound), "the daemon made no drop folders"); // it makes them in its first round
        var fifo = Path.Combine(inbox, "stuck.lsr.csv");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        Assert.True(await Eventually.Until(() => Logged(daemon, "has not gone round") is not null, Bound), $"the stuck loop was not noticed: {daemon.Output}");
        var stuckAt = Logged(daemon, "has not gone round")!.Value;
        Assert.Contains("local-drop", daemon.Output, StringComparison.Ordinal);

        // While it is stuck, no ping: systemd would kill the daemon after WatchdogSec. (A ping sent just before the
        // log line may arrive just after it.)
        Assert.False(
            await Eventually.Until(() => pings.Any(p => p > stuckAt.AddMilliseconds(500)), TimeSpan.FromSeconds(6)),
            "the daemon went on pinging while its drop loop was stuck");
        Assert.False(daemon.HasExited);

        // Unstuck (the partner's upload arrives through the FIFO): the loop goes round, the pings come back.
        await File.WriteAllTextAsync(fifo, "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN\nACM,WD-1,00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1001,97201,5035550101\n");
        Assert.True(await Eventually.Until(() => Logged(daemon, "pinging the systemd watchdog again") is not null, Bound), $"the loop did not come back: {daemon.Output}");
        var backAt = Logged(daemon, "pinging the systemd watchdog again")!.Value;
        Assert.True(await Eventually.Until(() => pings.Any(p => p >= backAt), Bound), "the pings did not come back");
        Assert.Empty(other);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receiver);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>When the daemon logged an event whose template contains <paramref name="text"/> (its JSON log's <c>@t</c>).</summary>
    private static DateTimeOffset? Logged(DaemonProcess daemon, string text)
    {
        foreach (var line in daemon.Output.Split('\n'))
        {
            if (line.StartsWith('{') && line.Contains(text, StringComparison.Ordinal))
            {
                using var json = JsonDocument.Parse(line);
                return json.RootElement.GetProperty("@t").GetDateTimeOffset();
            }
        }

        return null;
    }
}
