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

    internal static long Open(EvidenceStore store, long orderId, LocalDate due, Instant dueAt) =>
        store.Add(new NewEvidenceRequest(orderId, "BRIDGE", "LSR", "BR-2001", "slamming complaint", ["6025550101"], due, dueAt, "desk@integra.example", Instant.FromUtc(2026, 3, 2, 20, 0)));

    [Fact]
    public async Task A_request_past_due_is_said_once_with_its_fields_and_not_again_by_a_restarted_checker()
    {
        var (cli, orderId) = await Seeded();
        using var harness = cli;
        var store = EvidenceStore.Open(cli.Db);
        var first = Open(store, orderId, new LocalDate(2026, 3, 5), EndOfThe5th);
        var second = Open(store, orderId, new LocalDate(2026, 3, 10), EndOfThe10th);
        var clock = new FakeClock(EndOfThe5th - Duration.FromSeconds(1));
        var logger = new CapturingLogger();
        var watch = new EvidenceOverdueWatch(store, logger);

        Assert.Equal(0, watch.Check(clock.GetCurrentInstant()));
        Assert.Empty(logger.Entries);

        clock.AdvanceSeconds(1);
        Assert.Equal(1, watch.Check(clock.GetCurrentInstant()));
        clock.AdvanceMinutes(1);
        Assert.Equal(0, watch.Check(clock.GetCurrentInstant()));
        var said = Assert.Single(logger.Entries);
        Assert.Equal((122, "EvidenceRequestOverdue", LogLevel.Warning), (said.Id.Id, said.Id.Name, said.Level));
        Assert.Equal(
            ($"{first}", "BRIDGE", "LSR", "BR-2001", "2026-03-05", "2026-03-06T07:00:00Z", "open"),
            (said.Fields["RequestId"], said.Fields["Partner"], said.Fields["Kind"], said.Fields["Pon"], said.Fields["DueDate"], said.Fields["DueAt"], said.Fields["State"]));
        Assert.Equal(EndOfThe5th, store.OverdueMarkedAt(first));
        Assert.Null(store.OverdueMarkedAt(second));

        // A restart: a new store and checker, days later, with the second request past due now.
        var restarted = new CapturingLogger();
        clock.Reset(EndOfThe10th + Duration.FromDays(2));
        Assert.Equal(1, new EvidenceOverdueWatch(EvidenceStore.Open(cli.Db), restarted).Check(clock.GetCurrentInstant()));
        Assert.Equal($"{second}", Assert.Single(restarted.Entries).Fields["RequestId"]);
        Assert.Equal(0, new EvidenceOverdueWatch(EvidenceStore.Open(cli.Db), restarted).Check(clock.GetCurrentInstant()));
        Assert.Equal(EndOfThe5th, store.OverdueMarkedAt(first));
    }

    [Fact]
    public async Task An_answered_or_accepted_request_is_not_said_and_an_extended_one_is_said_again_only_when_its_new_due_time_passes()
    {
        var (cli, orderId) = await Seeded();
        using var harness = cli;
        var store = EvidenceStore.Open(cli.Db);
        var answered = Open(store, orderId, new LocalDate(2026, 3, 5), EndOfThe5th);
        var extended = Open(store, orderId, new LocalDate(2026, 3, 5), EndOfThe5th);
        var accepted = Open(store, orderId, new LocalDate(2026, 3, 5), EndOfThe5th);
        var pdf = new EvidenceDocument("loa.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
        Assert.NotNull(store.AddAnswer("BRIDGE", answered, "lsr@bridge.example", "LOA attached", [pdf], EndOfThe5th - Duration.FromHours(1)));
        Assert.NotNull(store.AddAnswer("BRIDGE", accepted, "lsr@bridge.example", "LOA attached", [pdf], EndOfThe5th - Duration.FromHours(1)));
        Assert.True(store.Decide(accepted, accept: true, "desk@integra.example", "matches", EndOfThe5th - Duration.FromMinutes(30)));
        var logger = new CapturingLogger();
        var watch = new EvidenceOverdueWatch(store, logger);

        // The desk owes the answered one a decision; the partner owes nothing on the accepted one.
        Assert.Equal(1, watch.Check(EndOfThe5th));
        Assert.Equal($"{extended}", Assert.Single(logger.Entries).Fields["RequestId"]);

        // The desk gives the partner until the end of the 10th: a new due time, said once more when it passes.
        Assert.True(store.Extend(extended, new LocalDate(2026, 3, 10), EndOfThe10th));
        Assert.Null(store.OverdueMarkedAt(extended));
        Assert.Equal(0, watch.Check(EndOfThe10th - Duration.FromSeconds(1)));
        Assert.Equal(1, watch.Check(EndOfThe10th));
        Assert.Equal(0, watch.Check(EndOfThe10th + Duration.FromDays(1)));
        Assert.Equal(["2026-03-05", "2026-03-10"], logger.Entries.Select(e => e.Fields["DueDate"]));
    }
}
