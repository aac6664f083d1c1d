using Integra.Gateway.Drops;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using Integra.Gateway.Storage.Ledgers;

namespace Integra.Gateway.Tests;

/// <summary>
/// No stalls (issue 18): a drop's backlog drains over bounded rounds, oldest received first, each file answered
/// exactly once, and the files still waiting are visible between rounds. Counted in rounds, listings and downloads,
/// never timed.
/// </summary>
public sealed class BacklogRoundTests : IDisposable
{
    private const int FilesPerRound = 10;
    private const string LsrHeader = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN\n";
    private static readonly Rules.Reference.ReferenceData Data = ReferenceDataLoader.Load(Repo.SampleData);
    private readonly TempDir _temp = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 3, 2, 17, 0)); // Monday 10:00 Pacific
    private readonly IUnitOfWork _store;
    private readonly FaultyFolder _folder;

    public BacklogRoundTests()
    {
        _store = TestStores.Open(_temp.File("gateway.db"), _clock);
        var local = new LocalDropFolder(_temp.File("ACME"));
        local.EnsureFolders();
        _folder = new FaultyFolder(local) { Parallelism = 3 };
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_backlog_larger_than_a_round_drains_oldest_first_in_bounded_rounds_each_file_answered_once()
    {
        var poller = new DropPoller(
            Data.Partner("ACME")!, "local", _folder, new RequestFileProcessor(Data, new PolicyOptions(), new Intake.IntakeLimits(), _store),
            _store.Intake, _clock, Duration.FromSeconds(1), NullLogger.Instance, filesPerRound: FilesPerRound);

        // 23 files listed first, then 5 more a minute later whose names sort first: received time decides the order.
        var early = Enumerable.Range(0, 23).Select(i => $"z{i:D2}.lsr.csv").ToList();
        var late = Enumerable.Range(0, 5).Select(i => $"a{i}.lsr.csv").ToList();
        early.ForEach(Drop);
        Assert.Equal(new DropRound(0, 0), await poller.PollRoundAsync(default)); // first listing: sighted, not yet quiet
        Assert.Equal(23, Waiting());
        _clock.AdvanceMinutes(1);
        late.ForEach(Drop);

        var rounds = new List<DropRound>();
        var answeredInOrder = new List<string>();
        var waiting = new List<long>();
        DropRound round;
        do
        {
            _clock.AdvanceSeconds(2);
            var before = Archived();
            round = await poller.PollRoundAsync(default);
            rounds.Add(round);
            answeredInOrder.AddRange(Archived().Except(before).Order(StringComparer.Ordinal));
            waiting.Add(Waiting());
            Assert.True(rounds.Count < 10, "the backlog never drained");
        }
        while (round.BacklogRemains);

        // The first of these rounds also lists the 5 late files; they are ready from the second round on.
        Assert.Equal([new(10, 13), new(10, 8), new(8, 0)], rounds);
        Assert.Equal([18, 8, 0], waiting);
        Assert.All(rounds, r => Assert.InRange(r.Answered, 0, FilesPerRound));
        Assert.Equal(early.Take(20), answeredInOrder.Take(20));
        Assert.Equal(early.Skip(20).Concat(late).Order(StringComparer.Ordinal), answeredInOrder.Skip(20).Order(StringComparer.Ordinal));

        // Every file downloaded once, answered once, archived once; one listing a round.
        Assert.Equal(28, _folder.Responses);
        Assert.All(early.Concat(late), name => Assert.Equal(1, _folder.Downloads[name]));
        Assert.Equal(28, Directory.GetFiles(Path.Combine(_folder.Location, "out")).Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder.Location, "in")));
        Assert.Equal(1 + rounds.Count, _folder.Listings);
    }

    [Fact]
    public async Task A_listing_of_thousands_is_sighted_at_once_and_keeps_each_first_sighting()
    {
        var ledger = _store.Intake;
        var names = Enumerable.Range(0, 5_000).Select(i => $"f{i:D4}.lsr.csv").ToList();
        var first = (await ledger.SightedAsync("ACME", "local", names.Take(3_000), CancellationToken.None));
        _clock.AdvanceMinutes(5);
        var second = (await ledger.SightedAsync("ACME", "local", names, CancellationToken.None));

        Assert.Equal(3_000, first.Count);
        Assert.Equal(5_000, second.Count);
        Assert.All(names.Take(3_000), n => Assert.Equal(first[n], second[n]));
        Assert.All(names.Skip(3_000), n => Assert.Equal(first["f0000.lsr.csv"] + Duration.FromMinutes(5), second[n]));
        Assert.Empty((await ledger.SightedAsync("ACME", "local", [], CancellationToken.None)));
    }

    [Fact]
    public async Task A_long_round_records_its_channel_at_work_after_each_batch()
    {
        // 250 ready files make one round of three batches (100, 100, 50); the second batch dies while archiving.
        var poller = new DropPoller(
            Data.Partner("ACME")!, "local", _folder, new RequestFileProcessor(Data, new PolicyOptions(), new Intake.IntakeLimits(), _store),
            _store.Intake, _clock, Duration.FromSeconds(1), NullLogger.Instance);
        Enumerable.Range(0, 250).Select(i => $"p{i:D3}.lsr.csv").ToList().ForEach(Drop);
        await poller.PollRoundAsync(default);
        _clock.AdvanceMinutes(1);
        var round = _clock.GetCurrentInstant();
        _folder.FailMoveAfter = 150;

        await Assert.ThrowsAsync<IOException>(() => poller.PollRoundAsync(default));

        // The first batch's progress is the channel's last good poll; the failure is its last error.
        using var view = OperationsView.Open(_temp.File("gateway.db"));
        var poll = view.ChannelPolls().Single(p => p.Partner == "ACME" && p.Channel == "local");
        Assert.Equal(StoreFormats.Text(round), poll.LastOk);
        Assert.NotNull(poll.LastError);
        Assert.Equal(150, Directory.GetFiles(Path.Combine(_folder.Location, "archive")).Length); // the first batch and half the second
    }

    private void Drop(string name) =>
        File.WriteAllText(
            Path.Combine(_folder.Location, "in", name),
            $"{LsrHeader}ACM,P-{Path.GetFileNameWithoutExtension(name)},00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1001,97201,5035550101\n");

    private HashSet<string> Archived() =>
        Directory.GetFiles(Path.Combine(_folder.Location, "archive")).Concat(Directory.GetFiles(Path.Combine(_folder.Location, "error")))
            .Select(f => Path.GetFileName(f)!).ToHashSet(StringComparer.Ordinal);

    private long Waiting()
    {
        using var view = OperationsView.Open(_temp.File("gateway.db"));
        return view.FilesWaiting().Where(w => w.Partner == "ACME" && w.Channel == "local").Sum(w => w.Count);
    }
}
