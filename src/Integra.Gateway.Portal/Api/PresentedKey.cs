using Integra.Gateway.Portal.Api.Keys;
using Microsoft.AspNetCore.Http;

namespace Integra.Gateway.Portal.Api;

/// <summary>
/// The key a call presents as <c>Authorization: Bearer …</c>, looked up and its secret checked once per request: the
/// rate limiter (which partitions by verified key) and the authentication handler both ask, and the second reads
/// what the first found instead of going to the store again.
/// </summary>
/// <param name="KeyId">The token's public key id; null when the token has no key's shape.</param>
/// <param name="Key">The key, only when the whole token (secret included) matches it; whether it is still usable is the caller's question.</param>
public sealed record PresentedKey(string? KeyId, ApiKey? Key)
{
    private const string Item = "api.presented-key";

    public static PresentedKey Of(HttpContext context, IApiStore keys)
    {
        if (context.Items[Item] is PresentedKey known)
        {
            return known;
        }

        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : string.Empty;
        var keyId = ApiKeySecret.KeyIdOf(token);
        var key = keyId is not null && keys.FindKey(keyId) is { } found && ApiKeySecret.Matches(token, found.SecretHash) ? found.Key : null;
        var presented = new PresentedKey(keyId, key);
        context.Items[Item] = presented;
        return presented;
    }
}
