using NodaTime;

namespace Integra.Gateway.Rules.Calendar;

/// <summary>
/// Business days: Monday to Friday except holidays (SPEC §4). Dates are calendar dates in the order's local
/// zone; this type knows nothing about zones.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly HashSet<LocalDate> _holidays;

    public BusinessCalendar(IEnumerable<LocalDate> holidays) => _holidays = [.. holidays];

    public bool IsBusinessDay(LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>The first business day strictly after <paramref name="date"/>.</summary>
    public LocalDate NextBusinessDay(LocalDate date)
    {
        var next = date.PlusDays(1);
        while (!IsBusinessDay(next))
        {
            next = next.PlusDays(1);
        }

        return next;
    }

    /// <summary><paramref name="date"/> itself when it is a business day, else the next one.</summary>
    public LocalDate OnOrAfter(LocalDate date) => IsBusinessDay(date) ? date : NextBusinessDay(date);

    /// <summary>The date <paramref name="days"/> business days after <paramref name="date"/> (days ≥ 0).</summary>
    public LocalDate AddBusinessDays(LocalDate date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var result = date;
        for (var i = 0; i < days; i++)
        {
            result = NextBusinessDay(result);
        }

        return result;
    }

    /// <summary>Business days in the half-open range (<paramref name="from"/>, <paramref name="to"/>]; 0 when to ≤ from.</summary>
    public int BusinessDaysBetween(LocalDate from, LocalDate to)
    {
        var count = 0;
        for (var d = from.PlusDays(1); d <= to; d = d.PlusDays(1))
        {
            if (IsBusinessDay(d))
            {
                count++;
            }
        }

        return count;
    }
}
