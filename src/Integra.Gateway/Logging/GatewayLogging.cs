using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Integra.Gateway.Logging;

/// <summary>
/// Serilog for the daemon: JSON lines (compact format) on stdout when it is not a terminal — as under systemd —
/// readable text in a terminal, and a daily rolling JSON file when <c>Logging:File:Path</c> is set.
/// </summary>
public static class GatewayLogging
{
    public static IServiceCollection AddGatewayLogging(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSerilog(lc => Configure(lc, configuration, json: Console.IsOutputRedirected));

    public static LoggerConfiguration Configure(LoggerConfiguration lc, IConfiguration configuration, bool json)
    {
        var level = Enum.TryParse<LogEventLevel>(configuration["Logging:Level"], ignoreCase: true, out var parsed) ? parsed : LogEventLevel.Information;
        lc.MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System", LogEventLevel.Warning)
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks", LogEventLevel.Error) // a Degraded probe is the probe's answer, not a log line per probe
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Application", "integra-gateway");
        if (json)
        {
            lc.WriteTo.Console(new CompactJsonFormatter());
        }
        else
        {
            lc.WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}", formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }

        if (configuration["Logging:File:Path"] is { Length: > 0 } path)
        {
            lc.WriteTo.File(new CompactJsonFormatter(), path, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 30);
        }

        return lc;
    }
}
