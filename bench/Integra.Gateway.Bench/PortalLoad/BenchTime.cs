using System.Diagnostics;

namespace Integra.Gateway.Bench.PortalLoad;

/// <summary>
/// The portal's clock for the load run: it starts at <see cref="BenchClock.Received"/> (a Monday morning in Portland)
/// and runs at real speed, so the form's due date is valid whatever the day the bench runs, while sessions, form ids
/// and received times still move on as they do in <c>run</c>. Timers and timestamps stay the system's.
/// </summary>
internal sealed class BenchTime : TimeProvider
{
    private readonly long _origin = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => BenchClock.Received.ToDateTimeOffset() + Stopwatch.GetElapsedTime(_origin);
}
