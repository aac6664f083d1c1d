using System.Net;

namespace Integra.Gateway.Portal.Webhooks;

/// <summary>
/// Which URLs an endpoint may have: https, or plain http to this machine's loopback (a receiver under test or in
/// development); no user name or password in the URL (the secret signs, nothing else authenticates).
/// </summary>
public static class WebhookUrl
{
    public const int MaxLength = 2000;

    /// <summary>Null when <paramref name="text"/> is acceptable (<paramref name="url"/> then holds it), else why not.</summary>
    public static string? Check(string? text, out Uri? url)
    {
        url = null;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0 || trimmed.Length > MaxLength || !Uri.TryCreate(trimmed, UriKind.Absolute, out var parsed))
        {
            return $"Give the endpoint's full URL (https://…, at most {MaxLength} characters).";
        }

        if (parsed.UserInfo.Length > 0)
        {
            return "The URL may not carry a user name or password: the signature authenticates every delivery.";
        }

        var loopback = parsed.IsLoopback || (IPAddress.TryParse(parsed.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        if (parsed.Scheme != Uri.UriSchemeHttps && !(parsed.Scheme == Uri.UriSchemeHttp && loopback))
        {
            return "The URL must start with https:// (plain http only to localhost, for testing).";
        }

        url = parsed;
        return null;
    }
}
