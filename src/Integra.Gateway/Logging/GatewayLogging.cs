using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Integra.Gateway.Logging;

/// <summary>
/// Serilog for the daemon: JSON lines (compact format) on stdout when it is not a terminal — as under systemd —
/// readable text in a terminal, and a daily rolling JSON file when <c>Logging:File:Path</c> is set. Levels come from
/// <c>Logging:LogLevel</c> (<see cref="LoggingSettings"/>).
/// </summary>
public static class GatewayLogging
{
    /// <summary>
    /// The levels of the gateway's dependencies unless <c>Logging:LogLevel</c> names them: their Information lines
    /// are noise to an operator, and a Degraded probe is the probe's answer, not a log line per probe.
    /// </summary>
    private static readonly Dictionary<string, LogEventLevel> Quiet = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft"] = LogEventLevel.Warning,
        ["System"] = LogEventLevel.Warning,
        ["Quartz"] = LogEventLevel.Warning,
        ["Microsoft.Extensions.Diagnostics.HealthChecks"] = LogEventLevel.Error,
    };

    /// <summary>Serilog's way to say <c>None</c>: a level above <c>Fatal</c>, which no event reaches.</summary>
    private const LogEventLevel Off = (LogEventLevel)((int)LogEventLevel.Fatal + 1);

    public static IServiceCollection AddGatewayLogging(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSerilog(lc => Configure(lc, configuration, json: Console.IsOutputRedirected));

    public static LoggerConfiguration Configure(LoggerConfiguration lc, IConfiguration configuration, bool json)
    {
        var settings = new LoggingSettings();
        configuration.GetSection("Logging").Bind(settings);
        var levels = settings.LogLevel.ToDictionary(l => l.Key, l => ToSerilog(l.Value), StringComparer.OrdinalIgnoreCase);
        var minimum = levels.Remove("Default", out var level) ? level : settings.Level ?? LogEventLevel.Information;
        lc.MinimumLevel.Is(minimum);
        foreach (var (category, quiet) in Quiet.Where(q => !levels.ContainsKey(q.Key)))
        {
            lc.MinimumLevel.Override(category, quiet);
        }

        foreach (var (category, categoryLevel) in levels)
        {
            lc.MinimumLevel.Override(category, categoryLevel);
        }

        // The trace of a request file (Operations.FileTrace) is Activity.Current while its lines are logged: Serilog
        // takes its trace and span ids from there into every event, and the compact JSON writes them as @tr and @sp.
        lc.Enrich.FromLogContext()
            .Enrich.WithProperty("Application", "integra-gateway");
        if (json)
        {
            lc.WriteTo.Console(new CompactJsonFormatter());
        }
        else
        {
            lc.WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}", formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }

        if (settings.File.Path is { Length: > 0 } path)
        {
            lc.WriteTo.File(new CompactJsonFormatter(), path, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 30);
        }

        return lc;
    }

    /// <summary>A Microsoft.Extensions.Logging level as Serilog's.</summary>
    public static LogEventLevel ToSerilog(LogLevel level) => level switch
    {
        LogLevel.Trace => LogEventLevel.Verbose,
        LogLevel.Debug => LogEventLevel.Debug,
        LogLevel.Information => LogEventLevel.Information,
        LogLevel.Warning => LogEventLevel.Warning,
        LogLevel.Error => LogEventLevel.Error,
        LogLevel.Critical => LogEventLevel.Fatal,
        _ => Off,
    };
}
