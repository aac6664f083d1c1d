using System.Threading.RateLimiting;
using Integra.Gateway.Portal.Api.Keys;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Integra.Gateway.Portal.Api;

/// <summary>
/// A fixed window of <see cref="PortalSettings.ApiPermits"/> calls per key (ASP.NET Core's rate limiter), past which a
/// call is answered 429 with problem details and Retry-After. The rate limiter runs before authentication, so the
/// partition is the key id of the bearer token (public; a forged one is then refused as 401 within its own window).
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
        var header = httpContext.Request.Headers.Authorization.ToString();
        var keyId = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? ApiKeySecret.KeyIdOf(header[7..].Trim()) : null;
        return RateLimitPartition.GetFixedWindowLimiter(
            keyId ?? "no-key",
            // Read when the key's window is made, so a test sets the limit before its first call.
            _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.ApiPermits, Window = settings.ApiWindow, QueueLimit = 0 });
    }
}
