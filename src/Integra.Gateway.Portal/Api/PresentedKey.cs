using Integra.Gateway.Portal.Api.Keys;
using Microsoft.AspNetCore.Http;

namespace Integra.Gateway.Portal.Api;

/// <summary>
/// The key a call presents as <c>Authorization: Bearer …</c>, looked up and its secret checked once per request, before
/// the rate limiter (<see cref="PartnerApi.UsePresentedKey"/>): the limiter's partitioner is synchronous and must not
/// wait for the database, so it reads what this found, and so does the authentication handler.
/// </summary>
/// <param name="KeyId">The token's public key id; null when the token has no key's shape.</param>
/// <param name="Key">The key, only when the whole token (secret included) matches it; whether it is still usable is the caller's question.</param>
/// <param name="PartnerDisabled">The key's partner has its portal and API access switched off (read with the key).</param>
public sealed record PresentedKey(string? KeyId, ApiKey? Key, bool PartnerDisabled = false)
{
    private const string Item = "api.presented-key";

    private static readonly PresentedKey None = new(null, null);

    /// <summary>The key of this request, looked up on the first call and read from the request after.</summary>
    public static async ValueTask<PresentedKey> OfAsync(HttpContext context, IApiStore keys)
    {
        if (context.Items[Item] is PresentedKey known)
        {
            return known;
        }

        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : string.Empty;
        var keyId = ApiKeySecret.KeyIdOf(token);
        var found = keyId is null ? null : await keys.FindKeyAsync(keyId, context.RequestAborted);
        var presented = found is { } f && ApiKeySecret.Matches(token, f.SecretHash)
            ? new PresentedKey(keyId, f.Key, f.PartnerDisabled)
            : keyId is null ? None : new PresentedKey(keyId, null);
        context.Items[Item] = presented;
        return presented;
    }

    /// <summary>The key <see cref="PartnerApi.UsePresentedKey"/> found for this request.</summary>
    /// <exception cref="InvalidOperationException">The request did not pass <see cref="PartnerApi.UsePresentedKey"/> (a pipeline built wrong).</exception>
    public static PresentedKey Of(HttpContext context) =>
        context.Items[Item] as PresentedKey
        ?? throw new InvalidOperationException($"The API key of {context.Request.Path} was not looked up: UsePresentedKey must come before the rate limiter.");
}
