using System.Security.Cryptography;
using System.Text;

namespace Integra.Gateway.Webhooks;

/// <summary>
/// The signature header of SPEC §8: <c>Integra-Signature: t=TIMESTAMP,v1=HEX(HMAC-SHA256(secret, TIMESTAMP + "." + BODY))</c>,
/// TIMESTAMP in Unix seconds (also sent as <c>Integra-Timestamp</c>), HEX lower case, BODY the exact bytes posted.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Integra-Signature";
    public const string TimestampHeader = "Integra-Timestamp";
    public const string EventIdHeader = "Integra-Event-Id";

    public static string Of(string secret, long timestamp, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed, prefix.Length);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
