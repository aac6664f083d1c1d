using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace Integra.Gateway.Logging;

/// <summary>
/// Section "Logging", read by Serilog (<see cref="GatewayLogging"/>) and checked like every other section, so that a
/// misspelt key is refused rather than silently ignored.
/// </summary>
public sealed class LoggingSettings
{
    /// <summary>
    /// Minimum levels as .NET operators write them: <c>Default</c>, and per category (a namespace or class name; the
    /// longest prefix wins), with <see cref="Microsoft.Extensions.Logging.LogLevel"/> names (<c>Trace</c> … <c>Critical</c>,
    /// <c>None</c>). <c>Default</c> wins over <see cref="Level"/> when both are set.
    /// </summary>
    public Dictionary<string, LogLevel> LogLevel { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The minimum level in Serilog's names (<c>Verbose</c> … <c>Fatal</c>): the older key, kept working; <c>LogLevel:Default</c> wins.</summary>
    public LogEventLevel? Level { get; set; }

    /// <summary>A daily rolling JSON log file beside stdout.</summary>
    public LogFileSettings File { get; set; } = new();
}

/// <summary>Section "Logging:File".</summary>
public sealed class LogFileSettings
{
    /// <summary>The file's path (a date is added to its name each day); empty = no file.</summary>
    public string? Path { get; set; }
}
