using Integra.Gateway.Rules.Policy;
using NodaTime;
using static Integra.Gateway.Rules.Tests.World;

namespace Integra.Gateway.Rules.Tests;

/// <summary>
/// SPEC §4 expedite review, contract v3 (issue 24 item 6): a date the reviewer gives more than 30 calendar days after
/// the review's local date is refused; L10 applies to the reviewer too. An order of Denver, asked for Tuesday 2026-03-03.
/// </summary>
public class ExpediteReviewBoundTests
{
    private static readonly DateTimeZone Denver = DateTimeZoneProviders.Tzdb["America/Denver"];

    private static readonly PendingExpedite Order = new(Date("2026-03-03"), Date("2026-03-06"), Simple: false, Denver, Acme);

    [Theory]
    [InlineData("2026-03-02T10:00:00-07:00", "2026-04-01", true)] // day 30, a Wednesday
    [InlineData("2026-03-02T10:00:00-07:00", "2026-04-02", false)] // day 31, a business day: refused for the bound alone
    [InlineData("2026-03-03T16:00:00-07:00", "2026-04-02", true)] // after the cutoff: counted from the local date, not the ERD
    [InlineData("2026-03-03T16:00:00-07:00", "2026-04-03", false)]
    [InlineData("2026-03-09T23:30:00-06:00", "2026-04-08", true)] // 05:30 UTC the next day: the local date counts
    [InlineData("2026-03-09T23:30:00-06:00", "2026-04-09", false)]
    public void Review_a_date_more_than_30_days_after_the_reviews_local_date_is_refused(string reviewedAt, string given, bool accepted)
    {
        var decision = new ExpediteReviewPolicy(Data, Options).Approve(Order, At(reviewedAt), Date(given));
        if (accepted)
        {
            Assert.Equal((Date(given), "REVIEW-APPROVE"), (decision.FocDate, decision.RuleId));
            return;
        }

        Assert.Null(decision.FocDate);
        Assert.Contains($"{given} is more than 30 calendar days after the review's local date", decision.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_the_bound_follows_the_policys_max_days_out()
    {
        var policy = new ExpediteReviewPolicy(Data, Options with { MaxDaysOut = 10 });
        var reviewedAt = At("2026-03-02T10:00:00-07:00");
        Assert.Equal(Date("2026-03-12"), policy.LatestApproval(Order, reviewedAt));
        Assert.NotNull(policy.Approve(Order, reviewedAt, Date("2026-03-12")).FocDate);
        Assert.Null(policy.Approve(Order, reviewedAt, Date("2026-03-13")).FocDate);
    }

    [Fact]
    public void Review_approval_of_the_requested_date_and_a_denial_are_not_bounded_by_the_reviewers_limit()
    {
        // Reviewed long after the request (a PND forgotten for weeks): the requested date has passed, so the FOC is
        // the review's ERD; no reviewer's date was given, so there is nothing to refuse.
        var policy = new ExpediteReviewPolicy(Data, Options);
        var late = At("2026-04-20T10:00:00-06:00");
        Assert.Equal(Date("2026-04-20"), policy.Approve(Order, late, null).FocDate);
        Assert.Equal(Date("2026-04-24"), policy.Deny(Order, late).FocDate);
    }
}
