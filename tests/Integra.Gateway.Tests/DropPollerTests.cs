using Integra.Gateway.Drops;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using Integra.Gateway.Storage.Ledgers;

namespace Integra.Gateway.Tests;

/// <summary>The local drop: safe pickup, received time from the first listing, exactly-once across crashes.</summary>
public sealed class DropPollerTests : IDisposable
{
    private static readonly Rules.Reference.ReferenceData Data = ReferenceDataLoader.Load(Repo.SampleData);
    private readonly TempDir _temp = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 3, 2, 17, 0)); // Monday 10:00 Pacific
    private readonly IUnitOfWork _store;
    private readonly LocalDropFolder _folder;

    public DropPollerTests()
    {
        _store = TestStores.Open(_temp.File("gateway.db"), _clock);
        _folder = new LocalDropFolder(_temp.File("ACME"));
        _folder.EnsureFolders();
    }

    private string In(string name) => Path.Combine(_folder.Location, "in", name);

    private string[] Files(string folder) => Directory.GetFiles(Path.Combine(_folder.Location, folder)).Select(Path.GetFileName).Order().ToArray()!;

    private DropPoller Poller(IDropFolder? folder = null) => new(
        Data.Partner("ACME")!, "local", folder ?? _folder, new RequestFileProcessor(Data, new PolicyOptions(), new Intake.IntakeLimits(), _store),
        _store.Intake, _clock, Duration.FromSeconds(1), NullLogger.Instance);

    private void Drop(string name, string? source = null) =>
        File.Copy(source ?? Path.Combine(Repo.SampleDrop("ACME"), "acme-20260302.lsr.csv"), In(name));

    [Fact]
    public async Task A_file_is_taken_only_after_two_equal_listings_and_the_quiet_period()
    {
        var poller = Poller();
        Drop("a.lsr.csv");
        Assert.Equal(0, await poller.PollAsync(default));
        Assert.Equal(0, await poller.PollAsync(default)); // same listing, but no time has passed
        _clock.AdvanceSeconds(2);
        Assert.Equal(1, await poller.PollAsync(default));
        Assert.Equal(["a.lsr.resp.csv"], Files("out"));
        Assert.Equal(["a.lsr.csv"], Files("archive"));
        Assert.Empty(Files("in"));
    }

    [Fact]
    public async Task A_growing_file_waits_until_it_stops_changing()
    {
        var poller = Poller();
        File.WriteAllText(In("g.lsr.csv"), "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN\n");
        await poller.PollAsync(default);
        _clock.AdvanceSeconds(5);
        File.AppendAllText(In("g.lsr.csv"), "ACM,P-1,00,ACMW,6001,C,CB,V,2026-03-04,5035550900,Y,A1001,97201,5035550101\n");
        Assert.Equal(0, await poller.PollAsync(default));
        _clock.AdvanceSeconds(5);
        Assert.Equal(1, await poller.PollAsync(default));
        Assert.Equal("FOC", File.ReadAllLines(Path.Combine(_folder.Location, "out", "g.lsr.resp.csv"))[1].Split(',')[0]);
    }

    [Theory]
    [InlineData("upload.lsr.csv.part")]
    [InlineData("upload.lsr.csv.tmp")]
    [InlineData(".upload.lsr.csv")]
    public async Task Partial_names_are_ignored(string name)
    {
        var poller = Poller();
        Drop(name);
        await poller.PollAsync(default);
        _clock.AdvanceSeconds(5);
        Assert.Equal(0, await poller.PollAsync(default));
        Assert.Empty(Files("out"));
    }

    [Fact]
    public async Task Received_time_is_the_first_listing_not_the_pickup()
    {
        var poller = Poller();
        File.WriteAllText(In("t.lsr.csv"), "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN\nACM,P-T,00,ACMW,6001,C,CB,V,2026-03-03,5035550900,Y,A1001,97201,5035550101\n");
        await poller.PollAsync(default); // first seen Monday 10:00 Pacific: before the 13:00 cutoff
        _clock.AdvanceHours(4); // picked up at 14:00, after it
        Assert.Equal(1, await poller.PollAsync(default));
        var first = File.ReadAllLines(Path.Combine(_folder.Location, "out", "t.lsr.resp.csv"))[1];
        Assert.Contains(",2026-03-03,", first, StringComparison.Ordinal); // SDD from a Monday receipt; Tuesday's would be 03-04
    }

    [Fact]
    public async Task A_file_level_reject_goes_to_error_with_its_response()
    {
        var poller = Poller();
        Drop("bad.lsr.csv", Repo.TestFile("latin1.lsr.csv"));
        await poller.PollAsync(default);
        _clock.AdvanceSeconds(2);
        await poller.PollAsync(default);
        Assert.Equal(["bad.lsr.csv"], Files("error"));
        Assert.Equal(["bad.lsr.resp.csv"], Files("out"));
    }

    [Fact]
    public async Task Crash_after_the_response_and_before_the_archive_answers_exactly_once()
    {
        var crashing = new FaultyFolder(_folder) { FailMove = true };
        var poller = Poller(crashing);
        Drop("c.lsr.csv");
        await poller.PollAsync(default);
        _clock.AdvanceSeconds(2);
        await Assert.ThrowsAsync<IOException>(() => poller.PollAsync(default));
        Assert.Equal(1, crashing.Responses);
        Assert.Equal(["c.lsr.csv"], Files("in"));
        crashing.FailMove = false;

        // "Restart": a new poller over the same store and folder.
        var restarted = Poller(crashing);
        await restarted.PollAsync(default);
        _clock.AdvanceSeconds(2);
        Assert.Equal(1, await restarted.PollAsync(default));
        Assert.Equal(1, crashing.Responses);
        Assert.Equal(["c.lsr.csv"], Files("archive"));
    }

    [Fact]
    public async Task Crash_in_the_middle_of_a_batch_answers_every_file_exactly_once()
    {
        var crashing = new FaultyFolder(_folder) { FailMoveAfter = 2, Parallelism = 3 };
        var poller = Poller(crashing);
        var names = Enumerable.Range(1, 5).Select(i => $"batch-{i}.lsr.csv").ToList();
        names.ForEach(n => Drop(n));
        await poller.PollAsync(default);
        _clock.AdvanceSeconds(2);
        await Assert.ThrowsAsync<IOException>(() => poller.PollAsync(default));
        Assert.Equal(5, crashing.Responses);
        Assert.Equal(2, Files("archive").Length);

        crashing.FailMoveAfter = null;
        var restarted = Poller(crashing);
        await restarted.PollAsync(default);
        _clock.AdvanceSeconds(2);
        Assert.Equal(3, await restarted.PollAsync(default));
        Assert.Equal(5, crashing.Responses);
        Assert.Equal(names.Order(), Files("archive"));
        Assert.Equal(names.Select(n => n.Replace(".lsr.csv", ".lsr.resp.csv", StringComparison.Ordinal)).Order(), Files("out"));
    }

    [Fact]
    public async Task Crash_before_the_response_answers_once_with_the_same_decision()
    {
        var crashing = new FaultyFolder(_folder) { FailResponse = true };
        var poller = Poller(crashing);
        Drop("d.lsr.csv");
        await poller.PollAsync(default);
        _clock.AdvanceSeconds(2);
        await Assert.ThrowsAsync<IOException>(() => poller.PollAsync(default));
        Assert.Empty(Files("out"));

        _clock.AdvanceDays(3); // decided again now, it would get other dates
        var restarted = Poller(_folder);
        await restarted.PollAsync(default);
        _clock.AdvanceSeconds(2);
        Assert.Equal(1, await restarted.PollAsync(default));
        var rows = File.ReadAllLines(Path.Combine(_folder.Location, "out", "d.lsr.resp.csv"));
        Assert.Contains(",2026-03-04,", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_file_uploaded_again_gets_the_stored_answer()
    {
        var poller = Poller();
        Drop("e.lsr.csv");
        await poller.PollAsync(default);
        _clock.AdvanceSeconds(2);
        await poller.PollAsync(default);
        var first = File.ReadAllText(Path.Combine(_folder.Location, "out", "e.lsr.resp.csv"));
        File.Delete(Path.Combine(_folder.Location, "out", "e.lsr.resp.csv"));

        _clock.AdvanceDays(7);
        Drop("e.lsr.csv");
        await poller.PollAsync(default);
        _clock.AdvanceSeconds(2);
        Assert.Equal(1, await poller.PollAsync(default));

        // A new upload: its resent answer takes a new number, the first may not have been fetched (SPEC §5).
        Assert.Equal(first, File.ReadAllText(Path.Combine(_folder.Location, "out", "e.lsr.2.resp.csv")));
        Assert.Equal(["e.lsr.csv", "e.lsr.csv.1"], Files("archive"));
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }
}
