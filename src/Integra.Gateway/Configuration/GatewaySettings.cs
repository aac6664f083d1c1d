using System.ComponentModel.DataAnnotations;

namespace Integra.Gateway.Configuration;

/// <summary>Where the gateway keeps its data (section "Gateway"). Relative paths are relative to the working directory.</summary>
public sealed class GatewaySettings
{
    /// <summary>Reference data directory (SPEC §3).</summary>
    [Required]
    public string DataDirectory { get; set; } = "samples/reference";

    /// <summary>SQLite database file of the order store.</summary>
    [Required]
    public string Database { get; set; } = "data/gateway.db";
}
