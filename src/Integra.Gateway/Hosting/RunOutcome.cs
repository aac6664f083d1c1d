using Microsoft.Extensions.Hosting;

namespace Integra.Gateway.Hosting;

/// <summary>
/// Why the daemon stopped on its own: a part that cannot go on records the reason here and stops the host, and
/// <c>run</c> exits non-zero with it (a stop request exits 0), so that systemd's <c>Restart=on-failure</c> acts.
/// </summary>
public sealed class RunOutcome(IHostApplicationLifetime lifetime)
{
    private string? _failure;

    /// <summary>The first reason recorded, as one line (<c>KEY: PROBLEM</c>); null while nothing failed.</summary>
    public string? Failure => Volatile.Read(ref _failure);

    /// <summary>Records <paramref name="reason"/> (the first one wins) and stops the host.</summary>
    public void Fail(string reason)
    {
        Interlocked.CompareExchange(ref _failure, reason, null);
        lifetime.StopApplication();
    }
}
