using System.Diagnostics.Metrics;
using System.Reflection;
using Integra.Gateway.Processing;
using Integra.Gateway.Responses;

namespace Integra.Gateway.Operations;

/// <summary>
/// The gateway's metrics (meter <c>Integra.Gateway</c>), a documented contract like its log events: names,
/// units and tags are listed in the README. Exported by OpenTelemetry (OTLP, Prometheus) when configured.
/// Durations are in seconds with explicit bucket boundaries fitted to what they measure: without them the SDK's
/// default boundaries (0, 5, 10, 25 … 10000, meant for milliseconds) put every poll and every file in one bucket.
/// </summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "Integra.Gateway";

    /// <summary>A poll lists a folder, or an SFTP directory or a mailbox over the network (bounded by its operation timeout).</summary>
    public static readonly IReadOnlyList<double> PollBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>A file is read, decided and answered in milliseconds; a file of thousands of rows in seconds.</summary>
    public static readonly IReadOnlyList<double> FileBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    /// <summary>A delivery writes a local file (milliseconds) or sends over SFTP or SMTP (up to its timeouts).</summary>
    public static readonly IReadOnlyList<double> DeliveryBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Counter<long> _files;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _rejects;
    private readonly Histogram<double> _pollDuration;
    private readonly Histogram<double> _fileDuration;
    private readonly Histogram<double> _deliveryDuration;
    private readonly Counter<long> _sweepCancels;
    private readonly Counter<long> _retentionRemoved;
    private readonly Counter<long> _webhooks;

    public GatewayMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _files = meter.CreateCounter<long>("gateway.files", "{file}", "Request files answered, by partner, channel and result (answered, rejected).");
        _requests = meter.CreateCounter<long>("gateway.requests", "{request}", "Requests decided, by partner, kind (LSR, CSR) and outcome (FOC, REJ, PND, CAN, CSR).");
        _rejects = meter.CreateCounter<long>("gateway.rejects", "{reject}", "Reject rows, by code (F01…, R01…).");
        _pollDuration = meter.CreateHistogram<double>("gateway.poll.duration", "s", "Duration of one poll of a partner's drop, by partner, channel and result (ok, error).", advice: Advice(PollBuckets));
        _fileDuration = meter.CreateHistogram<double>("gateway.file.duration", "s", "Duration of reading, deciding and answering one request file, by partner, channel and result (answered, rejected).", advice: Advice(FileBuckets));
        _deliveryDuration = meter.CreateHistogram<double>("gateway.delivery.duration", "s", "Duration of delivering one response file, by partner, channel and result (ok, error).", advice: Advice(DeliveryBuckets));
        _sweepCancels = meter.CreateCounter<long>("gateway.sweep.cancels", "{tn}", "TN port subscriptions canceled by the expiry sweep.");
        _retentionRemoved = meter.CreateCounter<long>("gateway.retention.removed", "{record}", "Records removed by the daily retention job, by kind (delivered_outbox, intake_ledger, response_bodies, drop_files, portal_audit).");
        _webhooks = meter.CreateCounter<long>("gateway.webhooks", "{attempt}", "Webhook delivery attempts, by partner and result (delivered, failed, flagged).");
    }

    /// <summary>The binary's version (its informational version without the source revision), also the resource's <c>service.version</c>.</summary>
    public static string Version { get; } =
        (typeof(GatewayMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    public void FileAnswered(string partner, string channel, FileOutcome outcome, TimeSpan duration)
    {
        var result = outcome.FileRejected ? "rejected" : "answered";
        _files.Add(1, new("partner", partner), new("channel", channel), new("result", result));
        _fileDuration.Record(duration.TotalSeconds, new("partner", partner), new("channel", channel), new("result", result));
        foreach (var request in outcome.Summaries)
        {
            _requests.Add(1, new("partner", partner), new("kind", request.KindText), new("outcome", request.OutcomeText));
        }

        foreach (var reject in outcome.Rows.Where(r => r.RespTyp == ResponseType.Reject))
        {
            _rejects.Add(1, new KeyValuePair<string, object?>("code", reject.Code));
        }
    }

    public void Polled(string partner, string channel, TimeSpan duration, bool ok) =>
        _pollDuration.Record(duration.TotalSeconds, new("partner", partner), new("channel", channel), new("result", ok ? "ok" : "error"));

    public void Delivered(string partner, string channel, TimeSpan duration, bool ok) =>
        _deliveryDuration.Record(duration.TotalSeconds, new("partner", partner), new("channel", channel), new("result", ok ? "ok" : "error"));

    public void SweepCanceled(int tns) => _sweepCancels.Add(tns);

    /// <summary>What a retention run removed of one kind (0 included, so every kind's series exists after a run).</summary>
    public void RetentionRemoved(string kind, long count) => _retentionRemoved.Add(count, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>One webhook delivery attempt: <c>delivered</c> (2xx), <c>failed</c> (retried later), <c>flagged</c> (failed, retry window over).</summary>
    public void WebhookAttempted(string partner, string result) =>
        _webhooks.Add(1, new KeyValuePair<string, object?>("partner", partner), new KeyValuePair<string, object?>("result", result));

    private static InstrumentAdvice<double> Advice(IReadOnlyList<double> buckets) => new() { HistogramBucketBoundaries = buckets };
}
