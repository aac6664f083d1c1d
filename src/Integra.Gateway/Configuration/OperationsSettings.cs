using System.ComponentModel.DataAnnotations;

namespace Integra.Gateway.Configuration;

/// <summary>How the gateway speaks to its operators (section "Operations").</summary>
public sealed class OperationsSettings
{
    /// <summary>IANA zone of the ordering desk: the command line shows times in it, to the second.</summary>
    [Required]
    public string TimeZone { get; set; } = "America/Denver";
}
