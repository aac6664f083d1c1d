using Integra.Gateway.Rules.Calendar;
using NodaTime;

namespace Integra.Gateway.Rules.Policy;

/// <summary>
/// Expiry (SPEC §4): a carrier may port up to 4 business days after the FOC date. An order still at FOC whose
/// local date is later than that, with TNs not activated for its NNSP, is canceled (CAN E01, NPAC CANCEL).
/// </summary>
public static class Expiry
{
    /// <summary>The last local date on which the port may still happen.</summary>
    public static LocalDate LastPortDate(LocalDate focDate, BusinessCalendar calendar, PolicyOptions options) =>
        calendar.AddBusinessDays(focDate, options.ExpiryBusinessDays);

    /// <summary>True when <paramref name="now"/>, in the order's zone, is on a date after <see cref="LastPortDate"/>.</summary>
    public static bool IsExpired(LocalDate focDate, Instant now, DateTimeZone zone, BusinessCalendar calendar, PolicyOptions options) =>
        now.InZone(zone).Date > LastPortDate(focDate, calendar, options);
}
