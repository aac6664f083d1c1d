using System.ComponentModel.DataAnnotations;

namespace Integra.Gateway.Configuration;

/// <summary>Where the gateway keeps its data (section "Gateway"). Relative paths are relative to the working directory.</summary>
public sealed class GatewaySettings
{
    /// <summary>Reference data directory (SPEC §3).</summary>
    [Required]
    public string DataDirectory { get; set; } = "samples/reference";

    /// <summary>The order store: a SQLite file, or a PostgreSQL connection string (see <see cref="Storage.Connections.StoreLocation"/>).</summary>
    [Required]
    public string Database { get; set; } = "data/gateway.db";

    /// <summary>How often the daemon looks for changed reference files (live reference data).</summary>
    public TimeSpan ReferenceCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often the daemon checks, on a connection of its own, that the store still takes writes; after three failed
    /// checks in a row it stops with a non-zero exit code, so that the service manager restarts it.
    /// </summary>
    public TimeSpan StoreCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the daemon waits, after a stop request, for its workers to finish the file in hand and for the sweep
    /// to end before it exits anyway. Keep it below the service manager's own limit (the unit's <c>TimeoutStopSec=60</c>).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
