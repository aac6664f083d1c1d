using Integra.Gateway.Operations;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Queries;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;

namespace Integra.Gateway.Hosting.Health;

/// <summary>
/// The channels' part of readiness: a channel whose last successful poll is older than its bound is Degraded, never
/// Unhealthy — one partner's outage does not make the instance unready for the others. The data names each stale
/// channel with its last good poll and its last error (a refused host key included) until it polls again.
/// </summary>
public sealed class ChannelHealthCheck(string database, Func<IReadOnlyList<ChannelExpectation>> expectations, IClock clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var expected = expectations();
        await using var view = await OperationsView.OpenAsync(database, cancellationToken);
        return Evaluate(await view.ChannelPollsAsync(cancellationToken), expected, clock.GetCurrentInstant());
    }

    /// <summary>Healthy when every expected channel polled within its bound; else Degraded, naming the stale ones.</summary>
    public static HealthCheckResult Evaluate(IReadOnlyList<OperationsView.ChannelPoll> polls, IReadOnlyList<ChannelExpectation> expected, Instant now)
    {
        var byChannel = polls.ToDictionary(p => (p.Partner, p.Channel));
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var stale = new List<string>();
        foreach (var x in expected)
        {
            var poll = byChannel.GetValueOrDefault((x.Partner, x.Channel));
            var fresh = poll?.LastOk is { } ok && now - StoreFormats.Instant(ok) <= x.MaxAge;
            var key = $"{x.Partner}/{x.Channel}";
            if (fresh)
            {
                data[key] = $"ok, last good poll {poll!.LastOk}";
                continue;
            }

            stale.Add(key);
            var error = poll?.LastError is { } e ? $"; last error {poll.LastErrorAt}: {e}" : string.Empty;
            data[key] = $"stale, last good poll {poll?.LastOk ?? "never"}{error}";
        }

        return stale.Count == 0
            ? HealthCheckResult.Healthy($"{expected.Count} channel(s) polling", data)
            : HealthCheckResult.Degraded($"not polled within bound: {string.Join(", ", stale)}", data: data);
    }
}
