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
    public string Create(long userId)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        store.RevokeTokens(userId, Purpose, time.GetUtcNow());
        store.AddToken(Hash(token), userId, Purpose, time.GetUtcNow() + settings.LinkLifetime);
        return $"{settings.LinkBase}{Path}?token={token}";
    }

    public long? Peek(string? token) =>
        string.IsNullOrEmpty(token) ? null : store.PeekToken(Hash(token), Purpose, time.GetUtcNow());

    public long? Use(string? token) =>
        string.IsNullOrEmpty(token) ? null : store.UseToken(Hash(token), Purpose, time.GetUtcNow());

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
