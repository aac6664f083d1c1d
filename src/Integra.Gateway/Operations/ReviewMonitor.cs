using Integra.Gateway.Logging;
using Integra.Gateway.Rules.Calendar;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Queries;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Integra.Gateway.Operations;

/// <summary>
/// Expedite reviews (PND X01) and their age in business hours (<see cref="BusinessAge"/>): one waiting more than one
/// business day is overdue, said once per review with <c>ExpediteReviewOverdue</c> (a Warning) and shown by health as
/// Degraded.
/// </summary>
public sealed class ReviewMonitor(ILogger logger)
{
    private readonly HashSet<(string, string, string)> _warned = [];

    /// <summary>A pending review and how long it has waited in business hours.</summary>
    public sealed record AgedReview(OperationsView.PendingReview Review, Duration BusinessAge)
    {
        public bool Overdue => BusinessAge > Operations.BusinessAge.ReviewOverdue;
    }

    public static IReadOnlyList<AgedReview> Age(IEnumerable<OperationsView.PendingReview> reviews, BusinessCalendar calendar, DateTimeZone zone, Instant now) =>
        reviews.Select(r => new AgedReview(r, BusinessAge.Between(calendar, zone, StoreFormats.Instant(r.Since), now))).ToList();

    /// <summary>Logs each review that became overdue since the last check; returns how many are overdue now.</summary>
    public int Check(IEnumerable<OperationsView.PendingReview> reviews, BusinessCalendar calendar, DateTimeZone zone, Instant now)
    {
        var overdue = Age(reviews, calendar, zone, now).Where(a => a.Overdue).ToList();
        foreach (var (review, age) in overdue)
        {
            if (_warned.Add((review.Partner, review.Pon, review.Since)))
            {
                logger.ExpediteReviewOverdue(review.Partner, review.Pon, review.Ver ?? string.Empty, Math.Round(age.TotalHours, 1), review.Since);
            }
        }

        return overdue.Count;
    }
}
