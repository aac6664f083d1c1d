using System.ComponentModel.DataAnnotations;
using Integra.Gateway.Rules.Policy;
using NodaTime;

namespace Integra.Gateway.Configuration;

/// <summary>Policy thresholds as configured (section "Policy"); defaults are the SPEC's.</summary>
public sealed class PolicySettings
{
    public TimeOnly SimpleCutoff { get; set; } = new(13, 0);

    public TimeOnly NonSimpleCutoff { get; set; } = new(15, 0);

    [Range(0, 60)]
    public int SimpleIntervalDays { get; set; } = 1;

    [Range(0, 60)]
    public int NonSimpleIntervalDays { get; set; } = 4;

    [Range(1, 365)]
    public int MaxDaysOut { get; set; } = 30;

    [Range(0, 100)]
    public int MaxDueDateSupplements { get; set; } = 3;

    [Range(0, 30)]
    public int SupplementNoticeBusinessDays { get; set; } = 2;

    [Range(0, 30)]
    public int ExpiryBusinessDays { get; set; } = 4;

    public DateOnly EmailRestrictedSince { get; set; } = new(2011, 4, 1);

    public List<string> EmailStates { get; set; } = ["MT"];

    [Required]
    public string FallbackTimeZone { get; set; } = "America/Denver";

    /// <exception cref="InvalidOperationException">The fallback zone is not an IANA zone.</exception>
    public PolicyOptions ToPolicyOptions() => new()
    {
        SimpleCutoff = LocalTime.FromTimeOnly(SimpleCutoff),
        NonSimpleCutoff = LocalTime.FromTimeOnly(NonSimpleCutoff),
        SimpleIntervalDays = SimpleIntervalDays,
        NonSimpleIntervalDays = NonSimpleIntervalDays,
        MaxDaysOut = MaxDaysOut,
        MaxDueDateSupplements = MaxDueDateSupplements,
        SupplementNoticeBusinessDays = SupplementNoticeBusinessDays,
        ExpiryBusinessDays = ExpiryBusinessDays,
        EmailRestrictedSince = LocalDate.FromDateOnly(EmailRestrictedSince),
        EmailStates = EmailStates.Select(s => s.ToUpperInvariant()).ToList(),
        FallbackZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(FallbackTimeZone)
            ?? throw new InvalidOperationException($"Policy:FallbackTimeZone '{FallbackTimeZone}' is not an IANA time zone"),
    };
}
