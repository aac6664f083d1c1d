using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace Integra.Gateway.Hosting.Health;

/// <summary>What operations sees of the daemon: metrics, health, and the desk's attention to expedite reviews.</summary>
public static class OperationsRegistration
{
    /// <summary>Metrics (OTLP export when <c>Telemetry:OtlpEndpoint</c> is set), the optional health listener, the review watch.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, ConfigurationManager configuration)
    {
        services.AddMetrics();
        services.AddSingleton<Operations.GatewayMetrics>();
        if (configuration["Telemetry:OtlpEndpoint"] is { Length: > 0 } endpoint)
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(Operations.GatewayMetrics.MeterName)
                .AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)));
        }

        services.AddOptions<HealthSettings>().BindConfiguration("Health");
        services.AddHostedService<HealthListener>();
        services.AddHostedService<ReviewWatchWorker>();
        return services;
    }
}
