using Integra.Gateway.Drops;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using NodaTime;
using NodaTime.Testing;
using Integra.Gateway.Storage.Ledgers;

namespace Integra.Gateway.Tests;

/// <summary>The log events of a processed file: names, fields, correlation ids, and never a passcode.</summary>
public sealed class LogEventTests : IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public async Task A_processed_file_logs_one_event_per_request_and_one_per_file_without_the_passcode()
    {
        var data = ReferenceDataLoader.Load(Repo.SampleData);
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 17, 0));
        using var store = TestStores.Open(_temp.File("g.db"), clock);
        var folder = new LocalDropFolder(_temp.File("ACME"));
        folder.EnsureFolders();
        File.WriteAllText(Path.Combine(folder.Location, "in", "pc.lsr.csv"), """
            CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,PASSCODE,MI,D/TSENT,AUTHNM,DATED
            ACM,LOG-1,00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1002,55401,6125550101,Zx9-secret,A,2026-03-02T08:00:00-06:00,Pat Jones,2026-03-01
            ACM,LOG-2,00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1002,55401,6125550102,7741,A,2026-03-02T08:00:00-06:00,Pat Jones,2026-03-01
            """);
        var logger = new CapturingLogger();
        var poller = new DropPoller(data.Partner("ACME")!, "local", folder, new RequestFileProcessor(data, new PolicyOptions(), new Intake.IntakeLimits(), store), store.Intake, clock, Duration.FromSeconds(1), logger);
        await poller.PollAsync(default);
        clock.AdvanceSeconds(2);
        await poller.PollAsync(default);

        var requests = logger.Entries.Where(e => e.Id.Name == "RequestDecided").ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal(("ACME", "LSR", "LOG-1", "00", "1", "REJ", "R25"), Fields(requests[0], "Partner", "Kind", "Pon", "Ver", "TnCount", "Outcome", "RejectCodes"));
        Assert.Equal(("LOG-2", "FOC"), (requests[1].Fields["Pon"], requests[1].Fields["Outcome"]));
        var file = Assert.Single(logger.Entries, e => e.Id.Name == "FileAnswered");
        Assert.Equal(("ACME", "local", "pc.lsr.csv", "2"), (file.Fields["Partner"], file.Fields["Channel"], file.Fields["File"], file.Fields["Requests"]));
        Assert.True(file.Fields.ContainsKey("DurationMs"));
        var correlation = file.Scopes["CorrelationId"];
        Assert.All(requests, r => Assert.Equal(correlation, r.Scopes["CorrelationId"]));
        Assert.Equal(2, requests.Select(r => r.Fields["RequestId"]).Distinct().Count());
        Assert.DoesNotContain(logger.AllText(), t => t.Contains("Zx9-secret", StringComparison.Ordinal) || t.Contains("7741", StringComparison.Ordinal));
    }

    private static (string, string, string, string, string, string, string) Fields(CapturingLogger.Entry e, params string[] names) =>
        (e.Fields[names[0]], e.Fields[names[1]], e.Fields[names[2]], e.Fields[names[3]], e.Fields[names[4]], e.Fields[names[5]], e.Fields[names[6]]);

    public void Dispose() => _temp.Dispose();
}
