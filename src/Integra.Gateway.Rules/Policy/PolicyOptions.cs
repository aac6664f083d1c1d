using NodaTime;

namespace Integra.Gateway.Rules.Policy;

/// <summary>Every threshold of the port-out policy, with the SPEC defaults. The host binds overrides from config.</summary>
public sealed record PolicyOptions
{
    /// <summary>Simple ports received strictly after this local time count as received the next business day.</summary>
    public LocalTime SimpleCutoff { get; init; } = new(13, 0);

    /// <summary>Non-simple ports received strictly after this local time count as received the next business day.</summary>
    public LocalTime NonSimpleCutoff { get; init; } = new(15, 0);

    /// <summary>Standard interval of a simple port, in business days after the ERD.</summary>
    public int SimpleIntervalDays { get; init; } = 1;

    /// <summary>Standard interval of a non-simple port, in business days after the ERD.</summary>
    public int NonSimpleIntervalDays { get; init; } = 4;

    /// <summary>A DDD more than this many calendar days after the local received date is rejected (L10).</summary>
    public int MaxDaysOut { get; init; } = 30;

    /// <summary>More SUP 2 supplements than this on one PON close the order (S5).</summary>
    public int MaxDueDateSupplements { get; init; } = 3;

    /// <summary>A supplement keeps the established FOC date when its ERD is at least this many business days before it (S4).</summary>
    public int SupplementNoticeBusinessDays { get; init; } = 2;

    /// <summary>An FOC'd order not ported this many business days after the FOC date expires.</summary>
    public int ExpiryBusinessDays { get; init; } = 4;

    /// <summary>From this date on, emailed requests are accepted only for <see cref="EmailStates"/> (L14).</summary>
    public LocalDate EmailRestrictedSince { get; init; } = new(2011, 4, 1);

    /// <summary>States whose requests may still arrive by email.</summary>
    public IReadOnlyList<string> EmailStates { get; init; } = ["MT"];

    /// <summary>Zone of a request with no account whose state is unknown or SPLIT (see <see cref="LocalZone"/>).</summary>
    public DateTimeZone FallbackZone { get; init; } = DateTimeZoneProviders.Tzdb["America/Denver"];
}
