using System.Text.Json;
using Integra.Gateway.Drops;
using Integra.Gateway.Operations;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Calendar;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Queries;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;
using Integra.Gateway.Storage.Ledgers;

namespace Integra.Gateway.Tests;

/// <summary>Issue 15 item 6: a new PND X01 is an event of its own, and a review waiting more than one business day is said.</summary>
public sealed class DeskAttentionTests : IDisposable
{
    private static readonly DateTimeZone Denver = DateTimeZoneProviders.Tzdb["America/Denver"];
    private readonly TempDir _temp = new();

    /// <summary>BRIDGE's sample asks to expedite BR-2001; it arrives Monday 2026-03-02 12:30 in Denver.</summary>
    private static readonly Instant Received = Instant.FromUtc(2026, 3, 2, 19, 30);

    private async Task<(CapturingLogger Logger, string Db, FakeClock Clock)> PendingReview()
    {
        var data = ReferenceDataLoader.Load(Repo.SampleData);
        var clock = new FakeClock(Received);
        var db = _temp.File("g.db");
        using var store = TestStores.Open(db, clock);
        var folder = new LocalDropFolder(_temp.File("BRIDGE"));
        folder.EnsureFolders();
        File.Copy(Path.Combine(Repo.SampleDrop("BRIDGE"), "bridge-0302.lsr.csv"), Path.Combine(folder.Location, "in", "bridge-0302.lsr.csv"));
        var logger = new CapturingLogger();
        var poller = new DropPoller(data.Partner("BRIDGE")!, "local", folder, new RequestFileProcessor(data, new PolicyOptions(), new Intake.IntakeLimits(), store), store.Intake, clock, Duration.FromSeconds(1), logger);
        await poller.PollAsync(default);
        clock.AdvanceSeconds(2);
        await poller.PollAsync(default);
        return (logger, db, clock);
    }

    [Fact]
    public async Task An_order_going_to_PND_X01_logs_ExpediteReviewPending_as_a_warning()
    {
        var (logger, _, _) = await PendingReview();
        var pending = Assert.Single(logger.Entries, e => e.Id.Name == "ExpediteReviewPending");
        Assert.Equal(120, pending.Id.Id);
        Assert.Equal(LogLevel.Warning, pending.Level);
        Assert.Equal(("BRIDGE", "local", "BR-2001", "00"), (pending.Fields["Partner"], pending.Fields["Channel"], pending.Fields["Pon"], pending.Fields["Ver"]));
        var decided = Assert.Single(logger.Entries, e => e.Id.Name == "RequestDecided" && e.Fields["Outcome"] == "PND");
        Assert.Equal(decided.Fields["RequestId"], pending.Fields["RequestId"]);
        Assert.DoesNotContain(logger.Entries, e => e.Id.Name == "ExpediteReviewPending" && e.Fields["Pon"] != "BR-2001");
    }

    [Fact]
    public async Task A_review_waiting_more_than_one_business_day_is_a_warning_said_once()
    {
        var (_, db, _) = await PendingReview();
        var data = ReferenceDataLoader.Load(Repo.SampleData);
        var logger = new CapturingLogger();
        var monitor = new ReviewMonitor(logger);
        using var view = OperationsView.Open(db);

        // Monday 12:30 to Tuesday 12:00 is 23.5 business hours; Tuesday 13:00 is 24.5.
        var tuesdayNoon = Instant.FromUtc(2026, 3, 3, 19, 0);
        Assert.Equal(0, monitor.Check(view.PendingReviews(), data.Calendar, Denver, tuesdayNoon));
        Assert.Empty(logger.Entries);
        var tuesdayOne = tuesdayNoon + Duration.FromHours(1);
        Assert.Equal(1, monitor.Check(view.PendingReviews(), data.Calendar, Denver, tuesdayOne));
        Assert.Equal(1, monitor.Check(view.PendingReviews(), data.Calendar, Denver, tuesdayOne + Duration.FromMinutes(1)));
        var overdue = Assert.Single(logger.Entries);
        Assert.Equal(("ExpediteReviewOverdue", LogLevel.Warning, "BR-2001", "24.5"), (overdue.Id.Name, overdue.Level, overdue.Fields["Pon"], overdue.Fields["BusinessHours"]));
    }

    [Theory]
    [InlineData("2026-03-02T12:30:00-07:00", "2026-03-03T12:00:00-07:00", 23.5)]
    [InlineData("2026-03-06T16:00:00-07:00", "2026-03-09T09:00:00-06:00", 17)] // Friday to Monday, over the DST change of Sunday
    [InlineData("2026-03-07T10:00:00-07:00", "2026-03-08T18:00:00-06:00", 0)] // a weekend
    [InlineData("2026-03-03T09:00:00-07:00", "2026-03-02T09:00:00-07:00", 0)] // the past
    public void Business_hours_count_business_days_only_in_the_desks_zone(string since, string now, double hours)
    {
        var calendar = new BusinessCalendar([]);
        Assert.Equal(hours, BusinessAge.Between(calendar, Denver, Parse(since), Parse(now)).TotalHours);
    }

    [Fact]
    public void A_holiday_is_not_a_business_day_for_a_review()
    {
        var calendar = new BusinessCalendar([new LocalDate(2026, 3, 3)]);
        Assert.Equal(11.5 + 9, BusinessAge.Between(calendar, Denver, Parse("2026-03-02T12:30:00-07:00"), Parse("2026-03-04T09:00:00-07:00")).TotalHours);
    }

    [Fact]
    public async Task Status_lists_pending_reviews_with_their_age_in_business_hours()
    {
        var (_, db, clock) = await PendingReview();
        var data = ReferenceDataLoader.Load(Repo.SampleData);
        using (var store = TestStores.Open(db, clock))
        {
            var review = Assert.Single(StatusReport.Read(store, Instant.FromUtc(2026, 3, 3, 20, 0), data.Calendar, Denver).PendingReviews);
            Assert.Equal(("BR-2001", 24.5, true), (review.Pon, review.BusinessHours, review.Overdue));
        }

        // The real command: its text names the review and its age.
        var config = _temp.File("appsettings.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { Gateway = new { DataDirectory = Repo.SampleData, Database = db } }));
        var (code, output) = GatewayProcess.Run("status", "--config", config);
        Assert.Equal(0, code);
        Assert.Contains("Pending expedite reviews: 1", output, StringComparison.Ordinal);
        Assert.Matches(@"BRIDGE\s+BR-2001 .* \(\d+\.\d business hours, OVERDUE: more than one business day\)", output);
    }

    private static Instant Parse(string text) => NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Parse(text).Value.ToInstant();

    public void Dispose() => _temp.Dispose();
}
