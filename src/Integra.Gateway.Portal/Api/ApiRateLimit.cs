using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Integra.Gateway.Portal.Api;

/// <summary>
/// A fixed window of <see cref="PortalSettings.ApiPermits"/> calls per key (ASP.NET Core's rate limiter), past which a
/// call is answered 429 with problem details and Retry-After. The rate limiter runs before authentication, so the
/// partition goes by the token as <see cref="PresentedKey"/> checked it just before: a key's own window only for the
/// key's whole token (secret included), and every other call (no token, a malformed one, a forged secret) in one window
/// per client address. Partitioning by the key id
/// alone let anyone who saw a key id (it is public: audit, logs) use up that key's window, and let a caller with
/// random key ids open a fresh window per call (unlimited guessing, and a refused-key audit entry per call).
/// </summary>
public sealed class ApiRateLimit(PortalSettings settings) : IRateLimiterPolicy<string>
{
    public const string Policy = "api-key";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
    {
        TimeSpan? retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null;
        if (retryAfter is { } r)
        {
            context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(r.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await ApiProblems.Write(context.HttpContext, ApiProblems.TooManyRequests(retryAfter));
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        // Looked up before the limiter (PartnerApi.UsePresentedKey): a partition is chosen without waiting for the database.
        var presented = PresentedKey.Of(httpContext);
        return RateLimitPartition.GetFixedWindowLimiter(
            presented.Key is not null ? $"key:{presented.KeyId}" : $"anonymous:{httpContext.Connection.RemoteIpAddress}",
            // Read when the key's window is made, so a test sets the limit before its first call.
            _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.ApiPermits, Window = settings.ApiWindow, QueueLimit = 0 });
    }
}
