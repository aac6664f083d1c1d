using Integra.Gateway.Rules.Calendar;
using Integra.Gateway.Rules.Reference;
using NodaTime;

namespace Integra.Gateway.Rules.Policy;

/// <summary>The facts of an order awaiting expedite review (PND X01), as its decision recorded them.</summary>
/// <param name="RequestedDate">The DDD the partner asked for.</param>
/// <param name="StandardDueDate">The SDD of the request as received.</param>
/// <param name="Simple">Whether the port is simple: decides the cutoff and interval of the review's own dates.</param>
/// <param name="Zone">The order's local zone.</param>
/// <param name="Partner">The partner, for its agreed intervals.</param>
public sealed record PendingExpedite(LocalDate RequestedDate, LocalDate StandardDueDate, bool Simple, DateTimeZone Zone, Partner Partner);

/// <summary>The outcome of a review: the FOC date and the rule, or why the reviewer's date is refused.</summary>
public sealed record ReviewDecision(LocalDate? FocDate, string RuleId, string? Refusal)
{
    public static ReviewDecision Foc(LocalDate date, string ruleId) => new(date, ruleId, null);

    public static ReviewDecision Refused(string why) => new(null, "REVIEW", why);
}

/// <summary>
/// Manual expedite review (SPEC §4 "Expedite review"). A review happens later than the request, so its answer is
/// judged from the review's own time, exactly as a request received then would be: an approval never confirms a
/// date before the review's effective received date (no FOC in the past), and a denial confirms the later of the
/// original SDD and the SDD counted from the review.
/// </summary>
public sealed class ExpediteReviewPolicy(ReferenceData data, PolicyOptions options)
{
    /// <summary>The review's effective received date: its local date and the cutoff of the order's kind (as ERD).</summary>
    public LocalDate ReviewErd(PendingExpedite order, Instant reviewedAt) =>
        DueDates.EffectiveReceivedDate(reviewedAt.InZone(order.Zone).LocalDateTime, PortKind.Cutoff(order.Simple, options), data.Calendar);

    /// <summary>
    /// The latest date a reviewer may give: <see cref="PolicyOptions.MaxDaysOut"/> calendar days after the review's
    /// local date (inclusive). L10 applies to the reviewer too: a date the partner could not ask for, the desk cannot give.
    /// </summary>
    public LocalDate LatestApproval(PendingExpedite order, Instant reviewedAt) =>
        reviewedAt.InZone(order.Zone).Date.PlusDays(options.MaxDaysOut);

    /// <summary>
    /// Approve: FOC at <paramref name="given"/> when the reviewer names a date, else at the requested DDD (on a
    /// business day); never before the review's ERD. A given date that is not a business day, is before the review's
    /// ERD or is after <see cref="LatestApproval"/> is refused, so the reviewer decides again rather than the gateway
    /// moving their date. (The requested DDD passed L10 when it was received, before the review, so it needs no bound.)
    /// </summary>
    public ReviewDecision Approve(PendingExpedite order, Instant reviewedAt, LocalDate? given)
    {
        var erd = ReviewErd(order, reviewedAt);
        if (given is { } date)
        {
            if (!data.Calendar.IsBusinessDay(date))
            {
                return ReviewDecision.Refused($"{date:yyyy-MM-dd} is not a business day");
            }

            if (date < erd)
            {
                return ReviewDecision.Refused($"{date:yyyy-MM-dd} is before the review's effective received date {erd:yyyy-MM-dd}; an FOC date cannot be in the past");
            }

            var latest = LatestApproval(order, reviewedAt);
            return date > latest
                ? ReviewDecision.Refused($"{date:yyyy-MM-dd} is more than {options.MaxDaysOut} calendar days after the review's local date {reviewedAt.InZone(order.Zone).Date:yyyy-MM-dd}; give {latest:yyyy-MM-dd} or earlier (L10)")
                : ReviewDecision.Foc(date, "REVIEW-APPROVE");
        }

        var requested = data.Calendar.OnOrAfter(order.RequestedDate);
        return ReviewDecision.Foc(requested < erd ? erd : requested, "REVIEW-APPROVE");
    }

    /// <summary>Deny: FOC at the later of the original SDD and the SDD counted from the review's own time.</summary>
    public ReviewDecision Deny(PendingExpedite order, Instant reviewedAt)
    {
        var fromReview = DueDates.StandardDueDate(ReviewErd(order, reviewedAt), PortKind.Interval(order.Simple, order.Partner, options), data.Calendar);
        return ReviewDecision.Foc(fromReview > order.StandardDueDate ? fromReview : order.StandardDueDate, "REVIEW-DENY");
    }
}
