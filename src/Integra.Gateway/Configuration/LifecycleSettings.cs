using System.ComponentModel.DataAnnotations;

namespace Integra.Gateway.Configuration;

/// <summary>The daily expiry sweep and the NPAC outbox (section "Lifecycle").</summary>
public sealed class LifecycleSettings
{
    public bool SweepEnabled { get; set; } = true;

    /// <summary>Local time of the daily sweep in <see cref="SweepTimeZone"/>.</summary>
    public TimeOnly SweepTime { get; set; } = new(6, 0);

    /// <summary>IANA zone of <see cref="SweepTime"/>.</summary>
    [Required]
    public string SweepTimeZone { get; set; } = "America/Denver";

    /// <summary>Also sweep once when the daemon starts, so that a daemon that was down at sweep time catches up.</summary>
    public bool SweepOnStart { get; set; } = true;

    /// <summary>Folder of the NPAC outbox files (CANCEL batches) for the NPAC desk's SOA tooling.</summary>
    [Required]
    public string NpacOutbox { get; set; } = "data/npac";

    /// <summary>
    /// With a PostgreSQL store: how often each instance checks in with the Quartz cluster. An instance silent for
    /// twice this long is presumed dead and its sweep recovered by another.
    /// </summary>
    public TimeSpan ClusterCheckin { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The Quartz cron expression of the daily sweep (seconds minutes hours day month weekday).</summary>
    public string CronExpression => $"{SweepTime.Second} {SweepTime.Minute} {SweepTime.Hour} * * ?";
}
