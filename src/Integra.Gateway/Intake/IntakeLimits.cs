
namespace Integra.Gateway.Intake;

/// <summary>Limits on one request file (F04).</summary>
public sealed record IntakeLimits
{
    public long MaxFileBytes { get; init; } = 10L * 1024 * 1024;

    public int MaxRows { get; init; } = 50_000;
}
