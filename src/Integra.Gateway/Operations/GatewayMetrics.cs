using System.Diagnostics.Metrics;
using Integra.Gateway.Processing;
using Integra.Gateway.Responses;

namespace Integra.Gateway.Operations;

/// <summary>
/// The gateway's metrics (meter <c>Integra.Gateway</c>), a documented contract like its log events: names,
/// units and tags are listed in the README. Exported by OpenTelemetry (OTLP) when configured.
/// </summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "Integra.Gateway";
    private readonly Counter<long> _files;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _rejects;
    private readonly Histogram<double> _pollDuration;
    private readonly Counter<long> _sweepCancels;

    public GatewayMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _files = meter.CreateCounter<long>("gateway.files", "{file}", "Request files answered, by partner, channel and result (answered, rejected).");
        _requests = meter.CreateCounter<long>("gateway.requests", "{request}", "Requests decided, by partner, kind (LSR, CSR) and outcome (FOC, REJ, PND, CAN, CSR).");
        _rejects = meter.CreateCounter<long>("gateway.rejects", "{reject}", "Reject rows, by code (F01…, R01…).");
        _pollDuration = meter.CreateHistogram<double>("gateway.poll.duration", "s", "Duration of one poll of a partner's drop, by partner, channel and result (ok, error).");
        _sweepCancels = meter.CreateCounter<long>("gateway.sweep.cancels", "{tn}", "TN port subscriptions canceled by the expiry sweep.");
    }

    public void FileAnswered(string partner, string channel, FileOutcome outcome)
    {
        _files.Add(1, new("partner", partner), new("channel", channel), new("result", outcome.FileRejected ? "rejected" : "answered"));
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

    public void SweepCanceled(int tns) => _sweepCancels.Add(tns);
}
