using System.Text.Json;
using Integra.Gateway.Hosting;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Outbox;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 14: <c>review</c> and <c>sweep</c> on the command line record their answers for the daemon and write a copy
/// under <c>--out</c>; a sweep run while the daemon runs takes nothing else that waits for delivery.
/// </summary>
public sealed class CliWhileDaemonRunsTests : IDisposable
{
    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly CliHarness _cli = new() { Channel = "local" };

    private string Drop(string partner) => Path.Combine(_cli.Dir, "drop", partner, "out");

    [Fact]
    public async Task A_cli_sweep_while_the_daemon_runs_leaves_other_partners_deliveries_to_the_daemon()
    {
        // BRIDGE waits for an expedite review; ACME has an order long past its FOC. Both came through local drops.
        Assert.Equal(0, await _cli.Process("BRIDGE", "2026-03-02T12:30:00-07:00", Path.Combine(Repo.SampleDrop("BRIDGE"), "bridge-0302.lsr.csv")));
        Assert.Equal(0, await _cli.Process("ACME", "2026-02-02T10:00:00-08:00", _cli.Write("old.lsr.csv", $"{Header}\nACM,OLD-1,00,ACMW,6001,C,CB,V,2026-02-04,5035550900,Y,A1001,97201,5035550101\n")));

        // The review's FOC waits for the daemon; the daemon is not running yet, so nothing has taken it.
        Assert.Equal(0, await _cli.Review("BRIDGE", "BR-2001", "2026-03-02T14:00:00-07:00", "--approve"));
        Assert.Equal(0, await _cli.Sweep("2026-03-05T06:00:00-07:00"));

        // The sweep wrote its own copy only, and left the review's FOC waiting for the daemon.
        Assert.Equal(["bridge-0302.lsr.resp.csv", "review-BR-2001-00.resp.csv"], Directory.GetFiles(Path.Combine(_cli.Out, "BRIDGE")).Select(Path.GetFileName).Order());
        Assert.Single(Directory.GetFiles(Path.Combine(_cli.Out, "ACME"), "sweep-*"));
        using (var store = TestStores.Open(_cli.Db, SystemClock.Instance))
        {
            var waiting = (await store.Outbox.PendingAsync(Rules.Model.Channel.Local, null, CancellationToken.None));
            Assert.Equal(["ACME", "BRIDGE"], waiting.Select(f => f.Partner).Order());
        }

        var settings = new
        {
            Gateway = new { DataDirectory = Repo.SampleData, Database = _cli.Db },
            LocalDrop = new { Enabled = true, Root = Path.Combine(_cli.Dir, "drop"), SeedFrom = "", PollInterval = "00:00:00.200", QuietPeriod = "00:00:00" },
            Lifecycle = new { SweepEnabled = false },
        };
        var file = Path.Combine(_cli.Dir, "appsettings.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(settings));
        using var host = GatewayHost.Build(file);
        await host.StartAsync();
        try
        {
            // A second sweep while the daemon runs: nothing more is due, and it takes nothing of the daemon's.
            Assert.Equal(0, await _cli.Sweep("2026-03-05T07:00:00-07:00"));
            Assert.True(
                await Eventually.Until(
                    () => File.Exists(Path.Combine(Drop("BRIDGE"), "review-BR-2001-00.resp.csv")) && Directory.Exists(Drop("ACME")) && Directory.GetFiles(Drop("ACME"), "sweep-*").Length == 1,
                    Bound),
                "the daemon did not deliver the review FOC and the sweep's cancels to the partners' drops");
            Assert.Contains("FOC,BRG,BR-2001,00,", await File.ReadAllTextAsync(Path.Combine(Drop("BRIDGE"), "review-BR-2001-00.resp.csv")), StringComparison.Ordinal);
            Assert.Contains("CAN,ACM,OLD-1,00,", await File.ReadAllTextAsync(Directory.GetFiles(Drop("ACME"), "sweep-*")[0]), StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public void Dispose() => _cli.Dispose();
}
