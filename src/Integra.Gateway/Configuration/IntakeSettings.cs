using System.ComponentModel.DataAnnotations;
using Integra.Gateway.Intake;

namespace Integra.Gateway.Configuration;

/// <summary>Limits on request files (section "Intake"): F04 past them; and how many files a drop's round takes.</summary>
public sealed class IntakeSettings
{
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 10L * 1024 * 1024;

    [Range(1, int.MaxValue)]
    public int MaxRows { get; set; } = 50_000;

    /// <summary>
    /// At most this many files a round of one drop lists into work, oldest received first (issue 18): a backlog of
    /// 10,000 files drains over bounded rounds, each one's memory, transaction count and time to its first answer
    /// bounded, with the poll record and the waiting counts updated between rounds.
    /// </summary>
    [Range(1, 100_000)]
    public int FilesPerRound { get; set; } = DefaultFilesPerRound;

    /// <summary>The default of <see cref="FilesPerRound"/>, for drops wired by hand.</summary>
    public const int DefaultFilesPerRound = 1_000;

    public IntakeLimits ToLimits() => new() { MaxFileBytes = MaxFileBytes, MaxRows = MaxRows };
}
