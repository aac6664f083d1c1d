using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Integra.Gateway.Portal.Security;

/// <summary>
/// Throttling per client address (SPEC §7) with ASP.NET Core's rate limiter: the posts that a stranger can make without
/// an account (sign-in, a one-time link's password, the public Trading Partner Profile form) share one fixed window per
/// address; everything else is not limited. Past <see cref="PortalSettings.ThrottlePermits"/> a post is answered 429
/// (the portal's error page) before it reaches the page, so guessing passwords or locking accounts from one address
/// stops there. Behind a proxy the address is the proxy's unless forwarded headers are configured for it.
/// </summary>
public static class Throttle
{
    /// <summary>The paths whose posts are throttled (compared without case).</summary>
    public static IReadOnlyList<string> Paths { get; } = ["/Account/SignIn", "/Account/SetPassword", "/Onboarding"];

    public static IServiceCollection AddPortalThrottle(this IServiceCollection services, PortalSettings settings) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && Paths.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase))
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        // Read when the address's window is made, so a test (or a reload of settings) sets it first.
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.ThrottlePermits, Window = settings.ThrottleWindow, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("unthrottled"));
        });
}
