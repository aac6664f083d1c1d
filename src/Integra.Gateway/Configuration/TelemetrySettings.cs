namespace Integra.Gateway.Configuration;

/// <summary>Section "Telemetry": where the metrics and the request files' traces go (traces over OTLP only). Both empty: no export (the standard <c>OTEL_*</c> variables may still set OTLP).</summary>
public sealed class TelemetrySettings
{
    /// <summary>OTLP endpoint, e.g. <c>http://127.0.0.1:4317</c>.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Prometheus listener, e.g. <c>http://127.0.0.1:9184/</c>; scraped at <c>/metrics</c>.</summary>
    public string? PrometheusListen { get; set; }
}
