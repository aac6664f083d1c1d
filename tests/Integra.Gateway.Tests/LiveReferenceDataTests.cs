using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Integra.Gateway.Hosting;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 14, live reference data: the daemon swaps in changed reference files between files, refuses a broken set
/// with an error naming file and line, keeps deciding on the old set and reports itself degraded until a good one.
/// </summary>
public sealed class LiveReferenceDataTests : IDisposable
{
    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly TempDir _temp = new();
    private readonly string _data;
    private int _version;

    public LiveReferenceDataTests()
    {
        _data = _temp.File("reference");
        Directory.CreateDirectory(_data);
        foreach (var file in Directory.EnumerateFiles(Repo.SampleData))
        {
            File.Copy(file, Path.Combine(_data, Path.GetFileName(file)));
        }
    }

    private string Drop(string folder) => Path.Combine(_temp.Path, "drop", "ACME", folder);

    /// <summary>Replaces npac.csv as a deployment would: a whole new file renamed into place, with a new mtime.</summary>
    private void ReplaceNpac(string content)
    {
        var temp = Path.Combine(_data, ".npac.csv.new");
        File.WriteAllText(temp, content);
        File.SetLastWriteTimeUtc(temp, DateTime.UtcNow.AddMinutes(++_version));
        File.Move(temp, Path.Combine(_data, "npac.csv"), overwrite: true);
    }

    /// <summary>Drops a one-TN LSR for A1001 and returns the RESPTYP and CODE of its answer.</summary>
    private async Task<(string RespTyp, string Code)> Decide(string pon)
    {
        var today = SystemClock.Instance.GetCurrentInstant().InUtc().Date.PlusDays(10);
        File.WriteAllText(Path.Combine(Drop("in"), $"{pon}.lsr.csv"), $"{Header}\nACM,{pon},00,ACMW,6001,C,CB,V,{today:yyyy-MM-dd},5035550900,Y,A1001,97201,5035550101\n");
        var response = Path.Combine(Drop("out"), $"{pon}.lsr.resp.csv");
        Assert.True(await Eventually.Until(() => File.Exists(response), Bound), $"no answer to {pon}");
        var cells = File.ReadAllLines(response)[1].Split(',');
        return (cells[0], cells[9]);
    }

    private static bool ReferenceDegraded(string body)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            return json.RootElement.GetProperty("checks").GetProperty("reference-data").GetProperty("status").GetString() == "Degraded";
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException)
        {
            return false;
        }
    }

    private static async Task<(HttpStatusCode? Status, string Body)> Health(HttpClient http, int port)
    {
        try
        {
            var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException)
        {
            return (null, string.Empty);
        }
    }

    [Fact]
    public async Task A_replaced_npac_csv_changes_the_next_decision_and_a_broken_one_keeps_the_old_data_and_degrades_health()
    {
        var port = FreePort();
        var settings = new
        {
            Gateway = new { DataDirectory = _data, Database = _temp.File("gateway.db"), ReferenceCheckInterval = "00:00:00.200" },
            LocalDrop = new { Enabled = true, Root = Path.Combine(_temp.Path, "drop"), SeedFrom = "", PollInterval = "00:00:00.200", QuietPeriod = "00:00:00" },
            Lifecycle = new { SweepEnabled = false },
            Health = new { Listen = $"http://127.0.0.1:{port}/" },
        };
        var file = _temp.File("appsettings.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(settings));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var host = GatewayHost.Build(file);
        await host.StartAsync();
        try
        {
            Assert.True(await Eventually.Until(() => Directory.Exists(Drop("in")), Bound), "the local drop was never created");
            Assert.Equal(("FOC", string.Empty), await Decide("LIVE-1"));
            var original = File.ReadAllText(Path.Combine(_data, "npac.csv"));

            // NPAC now shows the TN with Qwest (L6): the next file is decided on the new snapshot.
            ReplaceNpac(original.Replace("5035550101,7001", "5035550101,9101", StringComparison.Ordinal));
            var reloaded = await Eventually.Until(() => Decided("PROBE", "R21"), Bound);
            Assert.True(reloaded, "the replaced npac.csv was never used");
            Assert.Equal(("REJ", "R21"), await Decide("LIVE-2"));

            // A broken replacement (which would port the TN again) is refused: old data kept, health degraded.
            ReplaceNpac(original + "4065550999,\n");
            var degraded = await Eventually.Until(async () => ReferenceDegraded((await Health(http, port)).Body), Bound);
            var (status, body) = await Health(http, port);
            Assert.True(degraded, $"health stayed {status}: {body}");
            Assert.Equal(HttpStatusCode.OK, status); // Degraded, not unready: the old snapshot still decides
            // The broken row is the one after the original's last (a header and the sample's rows).
            var brokenRow = $"npac.csv:{original.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length + 1}: SPID is blank";
            Assert.Contains(brokenRow, body, StringComparison.Ordinal);
            Assert.Equal(("REJ", "R21"), await Decide("LIVE-3"));
            using (var store = TestStores.Open(_temp.File("gateway.db"), SystemClock.Instance))
            {
                var reference = Operations.StatusReport.Read(store, SystemClock.Instance.GetCurrentInstant()).ReferenceData!;
                Assert.Contains(reference.Files, f => f.StartsWith("npac.csv ", StringComparison.Ordinal));
                Assert.Contains(brokenRow, reference.Error, StringComparison.Ordinal);
            }

            // A good file again: used, and healthy.
            ReplaceNpac(original);
            Assert.True(await Eventually.Until(async () => (await Health(http, port)).Status == HttpStatusCode.OK, Bound));
            // LIVE-1 still holds the TN (L19): R26, not the R21 of the Qwest snapshot, shows the good file decides.
            Assert.Equal(("REJ", "R26"), await Decide("LIVE-4"));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>Drops a probe file under a fresh PON and tells whether its answer carries <paramref name="code"/>.</summary>
    private async Task<bool> Decided(string prefix, string code)
    {
        var (_, answer) = await Decide($"{prefix}-{++_version}");
        return answer == code;
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose() => _temp.Dispose();
}
