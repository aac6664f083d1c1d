using System.ComponentModel.DataAnnotations;
using Integra.Gateway.Intake;

namespace Integra.Gateway.Configuration;

/// <summary>Limits on request files (section "Intake"): F04 past them.</summary>
public sealed class IntakeSettings
{
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 10L * 1024 * 1024;

    [Range(1, int.MaxValue)]
    public int MaxRows { get; set; } = 50_000;

    public IntakeLimits ToLimits() => new() { MaxFileBytes = MaxFileBytes, MaxRows = MaxRows };
}
