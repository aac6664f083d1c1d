using Integra.Gateway.Rules.Calendar;
using NodaTime;

namespace Integra.Gateway.Operations;

/// <summary>
/// How long something has waited for the desk, counting only business days (SPEC §4: Monday to Friday, not in
/// holidays.csv) as the desk's calendar has them in its zone: a review filed Friday 16:00 and looked at Monday 09:00
/// has waited 17 business hours, not 65. One business day is 24 business hours.
/// </summary>
public static class BusinessAge
{
    /// <summary>A review waiting longer than this is overdue: a Warning, and health Degraded.</summary>
    public static readonly Duration ReviewOverdue = Duration.FromHours(24);

    /// <summary>The part of [<paramref name="since"/>, <paramref name="now"/>) that falls on business days in <paramref name="zone"/>.</summary>
    public static Duration Between(BusinessCalendar calendar, DateTimeZone zone, Instant since, Instant now)
    {
        var total = Duration.Zero;
        if (now <= since)
        {
            return total;
        }

        for (var date = since.InZone(zone).Date; date <= now.InZone(zone).Date; date = date.PlusDays(1))
        {
            if (!calendar.IsBusinessDay(date))
            {
                continue;
            }

            // Start of day by the zone's rules (a DST change at midnight moves it; the day is then 23 or 25 hours).
            var start = Instant.Max(zone.AtStartOfDay(date).ToInstant(), since);
            var end = Instant.Min(zone.AtStartOfDay(date.PlusDays(1)).ToInstant(), now);
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }
}
