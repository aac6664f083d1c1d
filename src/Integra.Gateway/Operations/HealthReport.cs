using Integra.Gateway.Storage;
using NodaTime;

namespace Integra.Gateway.Operations;

/// <summary>
/// Health for <c>/healthz</c>: the store answers, and every channel the daemon runs has polled successfully within
/// its bound (by default three poll intervals). Unhealthy when either fails.
/// </summary>
public sealed record HealthReport(bool Healthy, bool StoreReachable, IReadOnlyList<HealthReport.ChannelHealth> Channels)
{
    /// <summary>The reference data snapshot in use; degraded (unhealthy) while changed files are refused.</summary>
    public ReferenceHealth? ReferenceData { get; init; }


    public sealed record ChannelHealth(string Partner, string Channel, string? LastSuccessfulPoll, bool Healthy);

    /// <summary>A channel the daemon runs and how stale its last successful poll may be.</summary>
    public sealed record Expectation(string Partner, string Channel, Duration MaxAge);

    public static HealthReport Evaluate(Func<OrderStore> openStore, IReadOnlyList<Expectation> expected, Instant now)
    {
        Dictionary<(string, string), string?> polls;
        try
        {
            using var store = openStore();
            polls = new Dictionary<(string, string), string?>(store.LastSuccessfulPolls());
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            return new HealthReport(false, false, []);
        }

        var channels = expected.Select(x =>
        {
            var last = polls.GetValueOrDefault((x.Partner, x.Channel));
            var fresh = last is not null && now - StoreFormats.Instant(last) <= x.MaxAge;
            return new ChannelHealth(x.Partner, x.Channel, last, fresh);
        }).ToList();
        return new HealthReport(channels.All(c => c.Healthy), true, channels);
    }
}
