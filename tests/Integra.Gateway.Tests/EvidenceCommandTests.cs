using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Integra.Gateway.Portal.Disputes;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Evidence;
using Integra.Gateway.Storage.PortalAccounts;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 27 on the command line: <c>evidence</c> writes an order's package (the real executable), the same bytes for
/// the same store, its hash audited; bad input is exit 2 and one line; <c>status</c> lists the evidence requests past due.
/// </summary>
public sealed class EvidenceCommandTests
{
    private static (int Code, string Out, string Error) Run(params string[] args) => GatewayProcess.RunWithErrors(TimeSpan.FromMinutes(2), args);

    private static async Task<CliHarness> Seeded()
    {
        var cli = new CliHarness();
        await cli.Process("BRIDGE", "2026-03-02T10:00:00-08:00", Path.Combine(Repo.SampleDrop("BRIDGE"), "bridge-0302.lsr.csv"));
        return cli;
    }

    /// <summary>A request on BR-2001 due at the end of 2026-03-05 in Denver (long past on any machine running this).</summary>
    private static async Task<long> OpenRequest(CliHarness cli)
    {
        long orderId;
        using (var store = UnitOfWork.Open(cli.Db, SystemClock.Instance))
        {
            orderId = store.History.HistoryOrdersOfPon("BR-2001", "BRIDGE").Single().Id;
        }

        var evidence = new PortalEvidence(TestStores.Factory(cli.Db, SystemClock.Instance), folder: null);
        var opened = Instant.FromUtc(2026, 3, 2, 20, 0);
        return await evidence.AddAsync(new NewEvidenceRequest(orderId, "BRIDGE", "LSR", "BR-2001", "slamming complaint", ["6025550101"], new LocalDate(2026, 3, 5), Instant.FromUtc(2026, 3, 6, 7, 0), "desk@integra.example", opened), CancellationToken.None);
    }

    [Fact]
    public async Task Evidence_writes_the_same_package_twice_every_entry_matching_its_manifest_and_audits_its_hash()
    {
        using var cli = await Seeded();
        var id = await OpenRequest(cli);
        var first = Path.Combine(cli.Dir, "first.zip");
        var second = Path.Combine(cli.Dir, "second.zip");

        var (code, output, _) = Run("evidence", "--pon", "BR-2001", "--partner", "BRIDGE", "--out", first, "--db", cli.Db);
        Assert.Equal(0, code);
        Assert.Equal(0, Run("evidence", "--pon", "BR-2001", "--partner", "bridge", "--out", second, "--db", cli.Db).Code);

        var bytes = File.ReadAllBytes(first);
        Assert.Equal(bytes, File.ReadAllBytes(second));
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Contains($"sha256 {hash}", output, StringComparison.Ordinal);
        var audit = await TestStores.Portal(cli.Db).AuditAsync("BRIDGE", 10, default);
        Assert.Equal(2, audit.Count(a => a.Action == DisputeAuditActions.PackageDownloaded && a.Detail.Contains(hash, StringComparison.Ordinal)));

        using var zip = ZipFile.OpenRead(first);
        var manifest = Text(zip.GetEntry("MANIFEST.csv")!).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        Assert.Equal(zip.Entries.Count - 1, manifest.Count);
        foreach (var cells in manifest)
        {
            var body = Bytes(zip.GetEntry(cells[0])!);
            Assert.Equal(cells[1], Convert.ToHexStringLower(SHA256.HashData(body)));
            Assert.Equal(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[2]);
        }

        // The response file in the package is the one the SFTP outbound folder got, byte for byte.
        var delivered = Directory.GetFiles(cli.Out, "*.resp.csv", SearchOption.AllDirectories).Single(f => Path.GetFileName(f).StartsWith("bridge-0302", StringComparison.Ordinal));
        Assert.Equal(File.ReadAllBytes(delivered), Bytes(zip.Entries.Single(e => e.FullName.StartsWith("responses/", StringComparison.Ordinal))));
        using var request = JsonDocument.Parse(Bytes(zip.GetEntry($"evidence/request-{id}/request.json")!));
        Assert.Equal("slamming complaint", request.RootElement.GetProperty("request").GetProperty("reason").GetString());
        Assert.DoesNotContain("evidence-package-downloaded", Text(zip.GetEntry("audit.csv")!), StringComparison.Ordinal); // a download changes nothing in the package
    }

    [Theory]
    [InlineData("NOPE-1", "BRIDGE", "no order of BRIDGE with PON NOPE-1")]
    [InlineData("BR-2001", "ACME", "no order of ACME with PON BR-2001")]
    public async Task Evidence_for_an_order_that_is_not_there_is_exit_2_and_one_line(string pon, string partner, string line)
    {
        using var cli = await Seeded();
        var (code, output, error) = Run("evidence", "--pon", pon, "--partner", partner, "--out", Path.Combine(cli.Dir, "x.zip"), "--db", cli.Db);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"integra-gateway: {line}", error.Trim());
        Assert.False(File.Exists(Path.Combine(cli.Dir, "x.zip")));
    }

    [Fact]
    public async Task Status_lists_the_evidence_requests_past_due_in_text_and_json()
    {
        using var cli = await Seeded();
        var id = await OpenRequest(cli);

        var (code, json, _) = Run("status", "--db", cli.Db, "--json");
        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(json);
        var pastDue = Assert.Single(report.RootElement.GetProperty("evidenceRequestsPastDue").EnumerateArray());
        Assert.Equal(id, pastDue.GetProperty("id").GetInt64());
        Assert.Equal("2026-03-05", pastDue.GetProperty("dueDate").GetString());

        var text = Run("status", "--db", cli.Db).Out;
        Assert.Contains("Evidence requests past due (not answered by the end of their due date): 1", text, StringComparison.Ordinal);
        Assert.Contains("BR-2001", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_past_due_gauge_reports_0_then_the_request_once_its_due_time_has_passed()
    {
        using var cli = await Seeded();
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 3, 3, 0, 0));
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        _ = new Operations.GatewayGauges(meters, cli.Db, () => [], DateTimeZoneProviders.Tzdb["America/Denver"], clock);
        Assert.Equal(0, PastDue(meters));

        await OpenRequest(cli);
        clock.AdvanceMinutes(5);
        Assert.Equal(0, PastDue(meters)); // due at the end of 2026-03-05 in Denver
        clock.Reset(Instant.FromUtc(2026, 3, 6, 7, 0));
        Assert.Equal(1, PastDue(meters));
    }

    private static long PastDue(System.Diagnostics.Metrics.IMeterFactory meters)
    {
        long? seen = null;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "gateway.disputes.past_due")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => seen = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return seen ?? throw new InvalidOperationException("gateway.disputes.past_due was not reported");
    }

    private static string Text(ZipArchiveEntry entry) => Encoding.UTF8.GetString(Bytes(entry));

    private static byte[] Bytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
