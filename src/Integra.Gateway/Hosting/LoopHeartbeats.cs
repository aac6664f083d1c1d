using System.Collections.Concurrent;

namespace Integra.Gateway.Hosting;

/// <summary>
/// The daemon's loops (drop and mailbox workers, the store watchdog) say here that they went round: each beat carries
/// the loop's own period, so a loop that polls every minute is not taken for stuck after ten seconds.
/// <see cref="SystemdWatchdog"/> pings systemd only while every loop has beaten within its period and a grace.
/// </summary>
public sealed class LoopHeartbeats(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (long At, TimeSpan Period)> _beats = new(StringComparer.Ordinal);

    /// <summary>The loop <paramref name="loop"/> starts a round now; it starts the next within <paramref name="period"/>.</summary>
    public void Beat(string loop, TimeSpan period) => _beats[loop] = (time.GetTimestamp(), period);

    /// <summary>
    /// A loop that ended on its own (a stop request, a worker that has nothing to do) no longer counts: only a loop
    /// that should go round and does not is stuck.
    /// </summary>
    public void Ended(string loop) => _beats.TryRemove(loop, out _);

    /// <summary>The loops whose last beat is older than their period and <paramref name="grace"/>, with how long ago it was.</summary>
    public IReadOnlyList<(string Loop, TimeSpan Since)> Stale(TimeSpan grace) =>
        _beats
            .Select(b => (Loop: b.Key, Since: time.GetElapsedTime(b.Value.At), b.Value.Period))
            .Where(b => b.Since > b.Period + grace)
            .Select(b => (b.Loop, b.Since))
            .OrderBy(b => b.Loop, StringComparer.Ordinal)
            .ToList();
}
