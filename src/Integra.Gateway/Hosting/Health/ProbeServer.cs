using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Integra.Gateway.Hosting.Health;

/// <summary>Where the Prometheus scrape is served (<c>Telemetry:PrometheusListen</c>); registered only when set.</summary>
public sealed record PrometheusScrape(string Listen);

/// <summary>
/// The probes (<c>Health:Listen</c>) and the Prometheus scrape (<c>Telemetry:PrometheusListen</c>) on Kestrel, each on
/// its own address, or both on one when the two settings name the same. Kestrel rather than HttpListener: it binds
/// any address an operator writes, <c>0.0.0.0</c>, <c>+</c> and <c>*</c> included, which a container needs for its
/// probes to be reached from outside. A port that cannot be bound stops the start, naming the key.
/// </summary>
public sealed class ProbeServer(IServiceProvider services, IOptions<HealthSettings> health, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var endpoints = new List<(string Key, string Listen)>();
        if (!string.IsNullOrEmpty(health.Value.Listen))
        {
            endpoints.Add(("Health:Listen", health.Value.Listen));
        }

        if (services.GetService<PrometheusScrape>() is { } scrape)
        {
            endpoints.Add(("Telemetry:PrometheusListen", scrape.Listen));
        }

        foreach (var group in endpoints.GroupBy(e => ListenAddress.Normalize(e.Listen), StringComparer.OrdinalIgnoreCase))
        {
            var keys = group.Select(e => e.Key).ToList();
            var app = Build(group.Key, keys);
            _apps.Add(app);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e)
            {
                throw StartupProblemException.Of(keys[0], $"cannot listen on {group.Key}: {e.InnerException?.Message ?? e.Message}", e);
            }

            loggers.CreateLogger<ProbeServer>().LogInformation("{Endpoints} on {Address}", string.Join(" and ", keys.Select(Describe)), group.Key);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var app in _apps)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        _apps.Clear();
    }

    private static string Describe(string key) => key == "Health:Listen" ? "Health probes (/healthz/live, /healthz/ready)" : "Prometheus scrape (/metrics)";

    /// <summary>
    /// A Kestrel of its own, not the portal's: the probes stay up with the portal off, and no portal middleware
    /// (sign-in, anti-forgery) stands in a probe's way.
    /// </summary>
    private WebApplication Build(string address, List<string> keys)
    {
        // The empty builder reads no appsettings.json and no ASPNETCORE_ variables: the address is ours alone.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "integra-gateway-probes" });
        builder.WebHost.UseKestrelCore().UseUrls(address);
        builder.Services.AddSingleton(loggers);
        var app = builder.Build();
        if (keys.Contains("Telemetry:PrometheusListen"))
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(services.GetRequiredService<MeterProvider>(), predicate: null, path: "/metrics", configureBranchedPipeline: null, optionsName: null);
        }

        var checks = keys.Contains("Health:Listen") ? services.GetRequiredService<HealthCheckService>() : null;
        app.Run(async context =>
        {
            var report = checks is null ? null : await HealthListener.ProbeAsync(checks, context.Request.Path.Value?.TrimEnd('/'), context.RequestAborted);
            if (report is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, HealthListener.Json(report), Operations.ReportJson.Options, context.RequestAborted);
        });
        return app;
    }
}
