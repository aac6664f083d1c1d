using System.Security.Cryptography;
using System.Text;

namespace Integra.Gateway.Portal.Accounts;

/// <summary>
/// One-time links: a first sign-in or a password reset. The token is 32 random bytes in the link only; the store
/// keeps its SHA-256, so a copy of the database signs nobody in. A link works once, until it expires.
/// </summary>
public sealed class SignInLinks(IPortalStore store, PortalSettings settings, TimeProvider time)
{
    public const string Purpose = "set-password";
    public const string Path = "/Account/SetPassword";

    /// <summary>A new link for the user; every earlier unused link of the user stops working (SPEC §7).</summary>
    public async Task<string> CreateAsync(long userId, CancellationToken cancellationToken)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await store.RevokeTokensAsync(userId, Purpose, time.GetUtcNow(), cancellationToken);
        await store.AddTokenAsync(Hash(token), userId, Purpose, time.GetUtcNow() + settings.LinkLifetime, cancellationToken);
        return $"{settings.LinkBase}{Path}?token={token}";
    }

    public async Task<long?> PeekAsync(string? token, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(token) ? null : await store.PeekTokenAsync(Hash(token), Purpose, time.GetUtcNow(), cancellationToken);

    public async Task<long?> UseAsync(string? token, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(token) ? null : await store.UseTokenAsync(Hash(token), Purpose, time.GetUtcNow(), cancellationToken);

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
