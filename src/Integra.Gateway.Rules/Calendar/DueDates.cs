using NodaTime;

namespace Integra.Gateway.Rules.Calendar;

/// <summary>Effective received date (ERD) and standard due date (SDD), SPEC §4.</summary>
public static class DueDates
{
    /// <summary>
    /// The local received date when it is a business day and the local time is not after the cutoff, else the
    /// next business day. "After" is strict: a request at exactly 13:00:00 beats a 13:00 cutoff, one at
    /// 13:00:00.001 does not.
    /// </summary>
    public static LocalDate EffectiveReceivedDate(LocalDateTime receivedLocal, LocalTime cutoff, BusinessCalendar calendar)
    {
        var date = receivedLocal.Date;
        return calendar.IsBusinessDay(date) && receivedLocal.TimeOfDay <= cutoff
            ? date
            : calendar.NextBusinessDay(date);
    }

    /// <summary>ERD plus the interval in business days.</summary>
    public static LocalDate StandardDueDate(LocalDate effectiveReceivedDate, int intervalBusinessDays, BusinessCalendar calendar) =>
        calendar.AddBusinessDays(effectiveReceivedDate, intervalBusinessDays);
}
