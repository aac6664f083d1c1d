using System.ComponentModel.DataAnnotations;

namespace Integra.Gateway.Configuration;

/// <summary>
/// Local drop folders (section "LocalDrop"): <c>Root/&lt;PARTNER&gt;/in</c> is read, responses go to <c>out</c>,
/// originals to <c>archive</c> or <c>error</c>. The embedded default so the gateway works out of the box.
/// </summary>
public sealed class LocalDropSettings
{
    public bool Enabled { get; set; } = true;

    [Required]
    public string Root { get; set; } = "data/drop";

    /// <summary>When set, each partner's <c>in</c> folder is seeded from <c>SeedFrom/&lt;PARTNER&gt;</c> the first time it is created.</summary>
    public string? SeedFrom { get; set; } = "samples/drop";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A file is taken once its size and modification time are unchanged for this long (and across two listings).</summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
