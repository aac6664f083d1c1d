using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;
using System.Text;
using Integra.Gateway.Operations;
using Integra.Gateway.Portal.Disputes;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Evidence;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 27 item 3: <c>EvidenceRequestOverdue</c> (122) is said once per request when its due time passes with the
/// partner's answer still owed, on a fake clock; the mark is in the store, so a restarted checker says nothing again.
/// BRIDGE's BR-2001 is the order (received Monday 2026-03-02 in Denver); "the end of 2026-03-05" there is 07:00 UTC on
/// the 6th, "the end of 2026-03-10" is 06:00 UTC on the 11th (daylight time from the 8th).
/// </summary>
public sealed class EvidenceOverdueTests
{
    internal static readonly Instant EndOfThe5th = Instant.FromUtc(2026, 3, 6, 7, 0);
    internal static readonly Instant EndOfThe10th = Instant.FromUtc(2026, 3, 11, 6, 0);

    internal static async Task<(CliHarness Cli, long OrderId)> Seeded(string? database = null)
    {
        var cli = new CliHarness(database);
        await cli.Process("BRIDGE", "2026-03-02T10:00:00-08:00", Path.Combine(Repo.SampleDrop("BRIDGE"), "bridge-0302.lsr.csv"));
        using var store = UnitOfWork.Open(cli.Db, SystemClock.Instance);
        return (cli, store.History.HistoryOrdersOfPon("BR-2001", "BRIDGE").Single().Id);
    }

    internal static Task<long> Open(IEvidenceStore store, long orderId, LocalDate due, Instant dueAt) =>
        store.AddAsync(new NewEvidenceRequest(orderId, "BRIDGE", "LSR", "BR-2001", "slamming complaint", ["6025550101"], due, dueAt, "desk@integra.example", Instant.FromUtc(2026, 3, 2, 20, 0)), CancellationToken.None);

    /// <summary>When the overdue event of request <paramref name="id"/> was written, read on a unit of work of its own.</summary>
    internal static Instant? MarkedAt(UnitOfWorkFactory stores, long id)
    {
        using var uow = stores.Open();
        return uow.Evidence.OverdueMarkedAt(id);
    }

    [Fact]
    public async Task A_request_past_due_is_said_once_with_its_fields_and_not_again_by_a_restarted_checker()
    {
        var (cli, orderId) = await Seeded();
        using var harness = cli;
        var stores = TestStores.Factory(cli.Db, SystemClock.Instance);
        var store = new PortalEvidence(stores, folder: null);
        var first = await Open(store, orderId, new LocalDate(2026, 3, 5), EndOfThe5th);
        var second = await Open(store, orderId, new LocalDate(2026, 3, 10), EndOfThe10th);
        var clock = new FakeClock(EndOfThe5th - Duration.FromSeconds(1));
        var logger = new CapturingLogger();
        var watch = new EvidenceOverdueWatch(stores, logger);

        Assert.Equal(0, await watch.CheckAsync(clock.GetCurrentInstant(), CancellationToken.None));
        Assert.Empty(logger.Entries);

        clock.AdvanceSeconds(1);
        Assert.Equal(1, await watch.CheckAsync(clock.GetCurrentInstant(), CancellationToken.None));
        clock.AdvanceMinutes(1);
        Assert.Equal(0, await watch.CheckAsync(clock.GetCurrentInstant(), CancellationToken.None));
        var said = Assert.Single(logger.Entries);
        Assert.Equal((122, "EvidenceRequestOverdue", LogLevel.Warning), (said.Id.Id, said.Id.Name, said.Level));
        Assert.Equal(
            ($"{first}", "BRIDGE", "LSR", "BR-2001", "2026-03-05", "2026-03-06T07:00:00Z", "open"),
            (said.Fields["RequestId"], said.Fields["Partner"], said.Fields["Kind"], said.Fields["Pon"], said.Fields["DueDate"], said.Fields["DueAt"], said.Fields["State"]));
        Assert.Equal(EndOfThe5th, MarkedAt(stores, first));
        Assert.Null(MarkedAt(stores, second));

        // A restart: a new store and checker, days later, with the second request past due now.
        var restarted = new CapturingLogger();
        clock.Reset(EndOfThe10th + Duration.FromDays(2));
        Assert.Equal(1, await new EvidenceOverdueWatch(TestStores.Factory(cli.Db, SystemClock.Instance), restarted).CheckAsync(clock.GetCurrentInstant(), CancellationToken.None));
        Assert.Equal($"{second}", Assert.Single(restarted.Entries).Fields["RequestId"]);
        Assert.Equal(0, await new EvidenceOverdueWatch(TestStores.Factory(cli.Db, SystemClock.Instance), restarted).CheckAsync(clock.GetCurrentInstant(), CancellationToken.None));
        Assert.Equal(EndOfThe5th, MarkedAt(stores, first));
    }

    [Fact]
    public async Task An_answered_or_accepted_request_is_not_said_and_an_extended_one_is_said_again_only_when_its_new_due_time_passes()
    {
        var (cli, orderId) = await Seeded();
        using var harness = cli;
        var stores = TestStores.Factory(cli.Db, SystemClock.Instance);
        var store = new PortalEvidence(stores, folder: null);
        var answered = await Open(store, orderId, new LocalDate(2026, 3, 5), EndOfThe5th);
        var extended = await Open(store, orderId, new LocalDate(2026, 3, 5), EndOfThe5th);
        var accepted = await Open(store, orderId, new LocalDate(2026, 3, 5), EndOfThe5th);
        var pdf = new EvidenceDocument("loa.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
        Assert.NotNull(await store.AddAnswerAsync("BRIDGE", answered, "lsr@bridge.example", "LOA attached", [pdf], EndOfThe5th - Duration.FromHours(1), CancellationToken.None));
        Assert.NotNull(await store.AddAnswerAsync("BRIDGE", accepted, "lsr@bridge.example", "LOA attached", [pdf], EndOfThe5th - Duration.FromHours(1), CancellationToken.None));
        Assert.True(await store.DecideAsync(accepted, accept: true, "desk@integra.example", "matches", EndOfThe5th - Duration.FromMinutes(30), CancellationToken.None));
        var logger = new CapturingLogger();
        var watch = new EvidenceOverdueWatch(stores, logger);

        // The desk owes the answered one a decision; the partner owes nothing on the accepted one.
        Assert.Equal(1, await watch.CheckAsync(EndOfThe5th, CancellationToken.None));
        Assert.Equal($"{extended}", Assert.Single(logger.Entries).Fields["RequestId"]);

        // The desk gives the partner until the end of the 10th: a new due time, said once more when it passes.
        Assert.True(await store.ExtendAsync(extended, new LocalDate(2026, 3, 10), EndOfThe10th, CancellationToken.None));
        Assert.Null(MarkedAt(stores, extended));
        Assert.Equal(0, await watch.CheckAsync(EndOfThe10th - Duration.FromSeconds(1), CancellationToken.None));
        Assert.Equal(1, await watch.CheckAsync(EndOfThe10th, CancellationToken.None));
        Assert.Equal(0, await watch.CheckAsync(EndOfThe10th + Duration.FromDays(1), CancellationToken.None));
        Assert.Equal(["2026-03-05", "2026-03-10"], logger.Entries.Select(e => e.Fields["DueDate"]));
    }
}
