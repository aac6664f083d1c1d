using Dapper;
using Integra.Gateway.Csv;
using Integra.Gateway.Drops;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.ResponseFiles;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 24, SPEC §5 on a local drop: no answer ever replaces another (numbered response names, decided from the
/// store), and temporary files a crash left in the outbound folder are removed at the next round.
/// </summary>
public sealed class ResponseNameTests : IDisposable
{
    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN";
    private static readonly Rules.Reference.ReferenceData Data = ReferenceDataLoader.Load(Repo.SampleData);
    private readonly TempDir _temp = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 3, 2, 17, 0)); // Monday 10:00 Pacific
    private readonly IUnitOfWork _store;
    private readonly LocalDropFolder _folder;
    private readonly CapturingLogger _log = new();

    public ResponseNameTests()
    {
        _store = TestStores.Open(_temp.File("gateway.db"), _clock);
        _folder = new LocalDropFolder(_temp.File("ACME"));
        _folder.EnsureFolders();
    }

    private string Out(string name) => Path.Combine(_folder.Location, "out", name);

    private string[] Files(string folder) => Directory.GetFiles(Path.Combine(_folder.Location, folder)).Select(Path.GetFileName).Order().ToArray()!;

    private DropPoller Poller(IDropFolder? folder = null) => new(
        Data.Partner("ACME")!, "local", folder ?? _folder, new RequestFileProcessor(Data, new PolicyOptions(), new Intake.IntakeLimits(), _store),
        _store.Intake, _clock, Duration.FromSeconds(1), _log);

    /// <summary>An upload of one request for <paramref name="pon"/>, so each answer can be told apart.</summary>
    private void Upload(string name, string pon, string tn = "5035550101") =>
        File.WriteAllText(Path.Combine(_folder.Location, "in", name), $"{Header}\nACM,{pon},00,ACMW,6001,C,CB,V,2026-03-04,5035550900,Y,A1001,97201,{tn}\n");

    private async Task<int> PollTwice(DropPoller poller)
    {
        var first = await poller.PollAsync(default);
        _clock.AdvanceSeconds(2);
        return first + await poller.PollAsync(default);
    }

    private static string Pon(string file) => File.ReadAllLines(file)[1].Split(',')[2];

    [Fact]
    public async Task Two_uploads_of_the_same_name_are_both_answered_and_a_third_is_numbered_3()
    {
        var poller = Poller();
        foreach (var (pon, tn) in new[] { ("N-1", "5035550101"), ("N-2", "5035550102"), ("N-3", "5035550103") })
        {
            Upload("batch.lsr.csv", pon, tn);
            Assert.Equal(1, await PollTwice(poller));
        }

        Assert.Equal(["batch.lsr.2.resp.csv", "batch.lsr.3.resp.csv", "batch.lsr.resp.csv"], Files("out"));
        Assert.Equal(("N-1", "N-2", "N-3"), (Pon(Out("batch.lsr.resp.csv")), Pon(Out("batch.lsr.2.resp.csv")), Pon(Out("batch.lsr.3.resp.csv"))));

        // The portal offers each kept response file under the name the partner got, and events 100 say it too.
        var kept = _store.Connection.Query<string>("SELECT name FROM response_files ORDER BY id").ToList();
        Assert.Equal(["batch.lsr.resp.csv", "batch.lsr.2.resp.csv", "batch.lsr.3.resp.csv"], kept);
        Assert.Equal(kept, _log.Entries.Where(e => e.Id.Id == 100).Select(e => e.Fields["Response"]));
    }

    [Fact]
    public async Task Two_files_of_one_batch_that_make_the_same_response_name_get_two_names()
    {
        // twice.lsr (F03: no .csv) and twice.lsr.csv both answer as twice.lsr.resp.csv; one batch decides both.
        Upload("twice.lsr", "T-0");
        Upload("twice.lsr.csv", "T-1");
        Assert.Equal(2, await PollTwice(Poller()));
        Assert.Equal(["twice.lsr.2.resp.csv", "twice.lsr.resp.csv"], Files("out"));
        var answers = Files("out").Select(n => File.ReadAllText(Out(n))).ToList();
        Assert.Single(answers, a => a.Contains("F03", StringComparison.Ordinal));
        Assert.Single(answers, a => a.Contains(",T-1,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_put_in_the_outbound_folder_by_hand_is_never_overwritten()
    {
        File.WriteAllText(Out("hand.lsr.resp.csv"), "the operator's own notes");
        Upload("hand.lsr.csv", "H-1");
        Assert.Equal(1, await PollTwice(Poller()));
        Assert.Equal("the operator's own notes", File.ReadAllText(Out("hand.lsr.resp.csv")));
        Assert.Equal("H-1", Pon(Out("hand.lsr.2.resp.csv")));
    }

    [Fact]
    public async Task A_name_delivered_earlier_and_fetched_by_the_partner_is_not_given_again()
    {
        var poller = Poller();
        Upload("fetched.lsr.csv", "G-1");
        await PollTwice(poller);
        File.Delete(Out("fetched.lsr.resp.csv")); // the partner fetched it

        Upload("fetched.lsr.csv", "G-2", "5035550102");
        await PollTwice(poller);
        Assert.Equal(["fetched.lsr.2.resp.csv"], Files("out"));
        Assert.Equal("G-2", Pon(Out("fetched.lsr.2.resp.csv")));
    }

    [Fact]
    public async Task A_request_file_whose_own_name_is_a_numbered_response_name_takes_another_number()
    {
        var poller = Poller();
        Upload("x.lsr.csv", "X-1");
        await PollTwice(poller);
        Upload("x.lsr.2.csv", "X-2", "5035550102"); // its response would be x.lsr.2.resp.csv (F03)
        await PollTwice(poller);
        Upload("x.lsr.csv", "X-3", "5035550103");
        await PollTwice(poller);

        Assert.Equal(["x.lsr.2.resp.csv", "x.lsr.3.resp.csv", "x.lsr.resp.csv"], Files("out"));
        Assert.Contains("F03", File.ReadAllText(Out("x.lsr.2.resp.csv")), StringComparison.Ordinal);
        Assert.Equal("X-3", Pon(Out("x.lsr.3.resp.csv")));
    }

    [Fact]
    public async Task A_crash_between_writing_and_recording_redelivers_under_the_same_name()
    {
        var poller = Poller();
        Upload("c.lsr.csv", "C-1");
        await PollTwice(poller);

        // The second upload of the name: written as c.lsr.2.resp.csv, then the process dies before the ledger records it.
        var crashing = new FaultyFolder(_folder) { FailAfterResponse = true };
        var dying = Poller(crashing);
        Upload("c.lsr.csv", "C-2", "5035550102");
        await dying.PollAsync(default);
        _clock.AdvanceSeconds(2);
        await Assert.ThrowsAsync<IOException>(() => dying.PollAsync(default));

        // Restarted: the same answer again under the same name, never a third name, and nothing else replaced.
        crashing.FailAfterResponse = false;
        var restarted = Poller(crashing);
        Assert.Equal(1, await PollTwice(restarted));
        Assert.Equal(["c.lsr.2.resp.csv", "c.lsr.2.resp.csv"], crashing.Written);
        Assert.Equal(["c.lsr.2.resp.csv", "c.lsr.resp.csv"], Files("out"));
        Assert.Equal(("C-1", "C-2"), (Pon(Out("c.lsr.resp.csv")), Pon(Out("c.lsr.2.resp.csv"))));
        Assert.Equal(["c.lsr.csv", "c.lsr.csv.1"], Files("archive"));
    }

    [Fact]
    public async Task A_crash_before_the_write_keeps_the_name_for_the_retry()
    {
        var crashing = new FaultyFolder(_folder) { FailResponse = true };
        var dying = Poller(crashing);
        Upload("d.lsr.csv", "D-1");
        await dying.PollAsync(default);
        _clock.AdvanceSeconds(2);
        await Assert.ThrowsAsync<IOException>(() => dying.PollAsync(default));

        crashing.FailResponse = false;
        Assert.Equal(1, await PollTwice(Poller(crashing)));
        Assert.Equal(["d.lsr.resp.csv"], crashing.Written);
    }

    [Fact]
    public async Task A_stale_temporary_file_is_removed_and_a_fresh_one_and_the_partners_own_files_are_kept()
    {
        var now = _clock.GetCurrentInstant().ToDateTimeUtc();
        string Put(string name, TimeSpan age)
        {
            File.WriteAllText(Out(name), string.Empty);
            File.SetLastWriteTimeUtc(Out(name), now - age);
            return name;
        }

        var stale = Put($".a.lsr.resp.csv.{Guid.NewGuid():N}.tmp", TimeSpan.FromMinutes(2)); // left by kill -9
        var fresh = Put($".b.lsr.resp.csv.{Guid.NewGuid():N}.tmp", TimeSpan.FromSeconds(30)); // a write under way
        var partners = new[]
        {
            Put(".partner-state.tmp", TimeSpan.FromDays(1)),
            Put("notes.tmp", TimeSpan.FromDays(1)),
            Put($"c.lsr.resp.csv.{Guid.NewGuid():N}.tmp", TimeSpan.FromDays(1)),
            Put(".d.lsr.resp.csv.not-a-guid.tmp", TimeSpan.FromDays(1)),
        };

        await Poller().PollAsync(default);
        Assert.Equal(partners.Append(fresh).Order(StringComparer.Ordinal), Files("out").Order(StringComparer.Ordinal));
        var removed = Assert.Single(_log.Entries, e => e.Id.Id == 112);
        Assert.Equal((stale, "ACME"), (removed.Fields["File"], removed.Fields["Partner"]));

        // A minute later the other one is left behind too, and goes; each removal is logged once.
        _clock.AdvanceSeconds(31);
        await Poller().PollAsync(default);
        await Poller().PollAsync(default);
        Assert.DoesNotContain(fresh, Files("out"));
        Assert.Equal([stale, fresh], _log.Entries.Where(e => e.Id.Id == 112).Select(e => e.Fields["File"]));
    }

    [Theory]
    [InlineData("batch7.lsr.resp.csv", 1, "batch7.lsr.resp.csv")]
    [InlineData("batch7.lsr.resp.csv", 2, "batch7.lsr.2.resp.csv")]
    [InlineData("review-P1-00.resp.csv", 12, "review-P1-00.12.resp.csv")]
    [InlineData("odd-name", 3, "odd-name.3")]
    public void Numbered_names_put_the_number_before_resp_csv(string baseName, long suffix, string expected) =>
        Assert.Equal(expected, ResponseNameStore.Numbered(baseName, suffix));

    [Fact]
    public void The_gateways_temporary_names_are_recognised_and_nothing_else()
    {
        Assert.True(TemporaryNames.IsOurs(TemporaryNames.For("a.lsr.resp.csv")));
        Assert.False(TemporaryNames.IsOurs(".a.lsr.resp.csv.tmp"));
        Assert.False(TemporaryNames.IsOurs($"../.a.{Guid.NewGuid():N}.tmp"));
        Assert.False(TemporaryNames.IsOurs($".{Guid.NewGuid():N}.tmp")); // names no file
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }
}
