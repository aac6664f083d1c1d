using System.Collections;
using Integra.Gateway.Configuration;
using Integra.Gateway.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Integra.Gateway.Hosting.Health;

/// <summary>What operations sees of the daemon: metrics, health, and the desk's attention to expedite reviews.</summary>
public static class OperationsRegistration
{
    /// <summary>The service name of the metrics' resource unless <c>OTEL_SERVICE_NAME</c> names another.</summary>
    public const string ServiceName = "integra-gateway";

    /// <summary>Metrics and their exports, the optional health listener and its checks, the review watch.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, ConfigurationManager configuration)
    {
        services.AddOptions<OperationsSettings>().BindConfiguration("Operations");
        services.AddSingleton(sp => new DeskZone(DateTimeZoneProviders.Tzdb.GetZoneOrNull(sp.GetRequiredService<IOptions<OperationsSettings>>().Value.TimeZone) ?? DateTimeZoneProviders.Tzdb["America/Denver"]));
        services.AddGatewayTelemetry(configuration);
        services.AddSingleton(sp => new ChannelOutages(sp.GetRequiredService<IClock>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ChannelOutages>>(), sp.GetRequiredService<Storage.Resilience.StoreAvailability>()));
        services.AddOptions<HealthSettings>().BindConfiguration("Health").ValidateDataAnnotations().ValidateOnStart();
        services.AddGatewayHealthChecks();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ProbeServer>());
        services.AddHostedService<ReviewWatchWorker>();
        services.AddHostedService<EvidenceOverdueWorker>();
        return services;
    }

    /// <summary>
    /// The meter <c>Integra.Gateway</c> and its gauges; exported over OTLP when <c>Telemetry:OtlpEndpoint</c> or
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and for Prometheus at <c>Telemetry:PrometheusListen</c> (e.g.
    /// <c>http://0.0.0.0:9184/</c>, scraped at <c>/metrics</c>, served by <see cref="ProbeServer"/>). The standard
    /// <c>OTEL_*</c> variables apply.
    /// </summary>
    public static IServiceCollection AddGatewayTelemetry(this IServiceCollection services, IConfigurationBuilder configuration)
    {
        // The daemon's configuration reads INTEGRA_ variables only; OpenTelemetry reads its OTEL_* ones from it.
        var otel = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Where(e => e.Key is string k && k.StartsWith("OTEL_", StringComparison.Ordinal))
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value);
        configuration.AddInMemoryCollection(otel);
        var built = configuration is IConfiguration c ? c : configuration.Build();

        services.AddMetrics();
        services.TryAddSingleton<GatewayMetrics>();
        services.AddSingleton(sp => new GatewayGauges(
            sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            sp.GetRequiredService<IOptions<GatewaySettings>>().Value.Database,
            () => GatewayHealthChecks.Expected(sp),
            DateTimeZoneProviders.Tzdb.GetZoneOrNull(built["Operations:TimeZone"] ?? string.Empty) ?? DateTimeZoneProviders.Tzdb["America/Denver"],
            sp.GetRequiredService<IClock>()));

        var otlp = built["Telemetry:OtlpEndpoint"];
        var prometheus = built["Telemetry:PrometheusListen"];
        var exportOtlp = !string.IsNullOrEmpty(otlp) || !string.IsNullOrEmpty(built["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        // Traces of request files (FileTrace) are always recorded, so that every log line of a file carries its
        // trace id; they leave the process only over OTLP.
        var telemetry = services.AddOpenTelemetry()
            .WithTracing(tracing =>
            {
                tracing.AddSource(FileTrace.SourceName);
                if (exportOtlp)
                {
                    tracing.AddOtlpExporter(o =>
                    {
                        if (!string.IsNullOrEmpty(otlp))
                        {
                            o.Endpoint = new Uri(otlp);
                        }
                    });
                }
            });
        if (!exportOtlp && string.IsNullOrEmpty(prometheus))
        {
            return services;
        }

        services.AddHostedService<GaugesOnStart>();
        telemetry
            .ConfigureResource(r =>
            {
                if (string.IsNullOrEmpty(built["OTEL_SERVICE_NAME"]))
                {
                    r.AddService(ServiceName, serviceVersion: GatewayMetrics.Version);
                }
                else
                {
                    r.AddAttributes([new("service.version", GatewayMetrics.Version)]);
                }
            })
            .WithMetrics(metrics =>
            {
                // The .NET runtime (GC, thread pool, JIT, exceptions), the process (CPU, memory, threads), and the
                // HTTP servers of the portal and the probes (http.server.request.duration by route and status).
                metrics.AddMeter(GatewayMetrics.MeterName)
                    .AddRuntimeInstrumentation()
                    .AddProcessInstrumentation()
                    .AddAspNetCoreInstrumentation();
                if (exportOtlp)
                {
                    metrics.AddOtlpExporter(o =>
                    {
                        if (!string.IsNullOrEmpty(otlp))
                        {
                            o.Endpoint = new Uri(otlp);
                        }
                    });
                }

                if (!string.IsNullOrEmpty(prometheus))
                {
                    // Every scrape reads the gauges afresh: they are cached for a second by GatewayGauges already.
                    metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                }
            });
        if (!string.IsNullOrEmpty(prometheus))
        {
            services.AddSingleton(new PrometheusScrape(prometheus));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ProbeServer>());
        }

        return services;
    }

    /// <summary>The desk's zone (<c>Operations:TimeZone</c>): where its business days and its "today" begin and end.</summary>
    public sealed record DeskZone(DateTimeZone Zone);

    /// <summary>Creates the gauges when the daemon starts, so that the first scrape has them.</summary>
    private sealed class GaugesOnStart(GatewayGauges gauges) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(gauges);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
