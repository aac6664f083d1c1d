using System.Security.Cryptography;

namespace Integra.Gateway.Portal.Webhooks;

/// <summary>
/// An endpoint's signing secret: generated (32 random bytes, <c>whsec_</c> and base64url), or set by the partner
/// (24 to 200 visible ASCII characters, so that it survives copying between systems unchanged).
/// </summary>
public static class WebhookSecret
{
    public const int MinLength = 24;
    public const int MaxLength = 200;

    public static string Generate() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Null when <paramref name="secret"/> may sign, else why not.</summary>
    public static string? Check(string secret) =>
        secret.Length is < MinLength or > MaxLength || secret.Any(c => c is < '!' or > '~')
            ? $"A secret you set has {MinLength} to {MaxLength} visible ASCII characters (no spaces); leave it empty to have one generated."
            : null;
}
