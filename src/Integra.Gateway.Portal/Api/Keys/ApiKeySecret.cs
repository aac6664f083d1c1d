using System.Security.Cryptography;
using System.Text;

namespace Integra.Gateway.Portal.Api.Keys;

/// <summary>
/// The bearer token of an API key: <c>igk_&lt;key id&gt;.&lt;secret&gt;</c>. The key id (12 hex digits) is public and finds the
/// key; the secret is 32 random bytes (base64url), shown once and kept only as its SHA-256.
/// A plain SHA-256 is enough here, unlike for passwords: a password is guessable, so its hash must be slow and salted;
/// a 256-bit random secret cannot be guessed or looked up in any table, so a fast hash loses nothing and lets every
/// call be checked in microseconds. The comparison is in constant time.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "igk_";

    /// <summary>A new key id, its token (for the partner, once) and the hash to keep.</summary>
    public static (string KeyId, string Token, string Hash) New()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var token = $"{Prefix}{keyId}.{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        return (keyId, token, Hash(token));
    }

    /// <summary>The key id of a token of the right shape, or null: a malformed token is refused before the store is asked.</summary>
    public static string? KeyIdOf(string token)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length != Prefix.Length + 12 + 1 + 43 || token[Prefix.Length + 12] != '.')
        {
            return null;
        }

        var keyId = token.Substring(Prefix.Length, 12);
        return keyId.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')) ? keyId : null;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether <paramref name="token"/> is the one whose hash is <paramref name="hash"/>, in constant time.</summary>
    public static bool Matches(string token, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(hash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
