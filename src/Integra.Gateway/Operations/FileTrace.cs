using System.Diagnostics;

namespace Integra.Gateway.Operations;

/// <summary>
/// One trace per request file, from the listing that took it to the delivery of its answer (issue 29): a root span
/// <c>intake</c> and one child span per step (<c>fetch</c>, <c>decide</c>, <c>store</c>, <c>deliver</c>,
/// <c>archive</c>), on the activity source <see cref="SourceName"/>. While a step runs, and while the file's events are
/// logged, the step is <see cref="Activity.Current"/>, so every log line of the file carries its trace id (the JSON
/// log's <c>@tr</c>). Files of one batch share the batch's units of work but each keeps a trace of its own: the
/// root span never takes a round's or another file's activity as its parent. With nobody listening (no tracing
/// configured) every span is null and costs nothing.
/// </summary>
public sealed class FileTrace : IDisposable
{
    /// <summary>The gateway's <see cref="ActivitySource"/>; exported over OTLP with the metrics (<c>Telemetry:OtlpEndpoint</c>).</summary>
    public const string SourceName = "Integra.Gateway";

    public static readonly ActivitySource Source = new(SourceName, GatewayMetrics.Version);

    private readonly Activity? _root;

    private FileTrace(Activity? root) => _root = root;

    /// <summary>The trace id, for a log line or a test; null when nobody traces.</summary>
    public ActivityTraceId? TraceId => _root?.TraceId;

    /// <summary>Starts the trace of file <paramref name="name"/> of <paramref name="partner"/>, received by <paramref name="channel"/>.</summary>
    public static FileTrace Start(string partner, string channel, string name)
    {
        var outer = Activity.Current;
        Activity.Current = null; // a new trace, never a child of whatever the caller runs in
        try
        {
            var root = Source.StartActivity("intake", ActivityKind.Consumer);
            root?.SetTag("gateway.partner", partner);
            root?.SetTag("gateway.channel", channel);
            root?.SetTag("gateway.file", name);
            return new FileTrace(root);
        }
        finally
        {
            Activity.Current = outer;
        }
    }

    /// <summary>
    /// A step of the file (<c>fetch</c>, <c>decide</c>, …) as a child span, current until disposed; then the activity
    /// that was current before comes back.
    /// </summary>
    public IDisposable Step(string name)
    {
        var outer = Activity.Current;
        if (_root is null)
        {
            return new Restore(outer, null);
        }

        Activity.Current = _root;
        return new Restore(outer, Source.StartActivity(name, ActivityKind.Internal));
    }

    /// <summary>Makes the file's root span current until disposed, for log lines of the file outside its steps.</summary>
    public IDisposable Enter()
    {
        var outer = Activity.Current;
        if (_root is not null)
        {
            Activity.Current = _root;
        }

        return new Restore(outer, null);
    }

    /// <summary>Marks the file's trace failed (a file-level reject is an answer, not an error: only broken I/O is).</summary>
    public void Failed(Exception error) => _root?.SetStatus(ActivityStatusCode.Error, error.Message);

    public void Dispose() => _root?.Dispose();

    /// <summary>Ends a step's span and makes the activity current before it current again.</summary>
    private sealed class Restore(Activity? outer, Activity? step) : IDisposable
    {
        public void Dispose()
        {
            step?.Dispose();
            Activity.Current = outer;
        }
    }
}
