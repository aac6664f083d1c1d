using NodaTime;

namespace Integra.Gateway.Webhooks;

/// <summary>
/// When a failed delivery is tried again: <see cref="WebhookSettings.FirstRetryDelay"/> doubled per failed attempt
/// up to <see cref="WebhookSettings.MaxRetryDelay"/>, each wait stretched by a random 0–20 % (jitter, so that the
/// deliveries of an endpoint that was down do not all come back in the same second). A retry that would fall after
/// the retry window (counted from the delivery's start) is not scheduled: the delivery is flagged.
/// With the defaults: 30 s, 1, 2, 4, 8, 16, 32 min, then hourly, about 30 attempts in 24 h.
/// </summary>
public static class WebhookBackoff
{
    /// <summary>The largest jitter, as a share of the wait.</summary>
    public const double Jitter = 0.2;

    /// <summary>
    /// The next attempt after <paramref name="failedAttempts"/> failed ones (this one included: 1 after the first),
    /// at <paramref name="now"/>, in the window that started at <paramref name="windowStart"/>; <paramref name="jitter"/>
    /// in [0, 1) is the share of <see cref="Jitter"/> added (<paramref name="settings"/> give the waits).
    /// </summary>
    /// <returns>The next attempt's time, or null when it falls outside the window.</returns>
    public static Instant? Next(WebhookSettings settings, int failedAttempts, Instant windowStart, Instant now, double jitter)
    {
        var doublings = Math.Min(failedAttempts - 1, 20);
        var wait = TimeSpan.FromTicks(Math.Min(settings.FirstRetryDelay.Ticks * (1L << doublings), settings.MaxRetryDelay.Ticks));
        var next = now + Duration.FromTimeSpan(wait * (1 + (Jitter * jitter)));
        return next > windowStart + Duration.FromTimeSpan(settings.RetryWindow) ? null : next;
    }
}
