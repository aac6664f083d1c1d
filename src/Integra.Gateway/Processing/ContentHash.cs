using System.Security.Cryptography;
using System.Text;

namespace Integra.Gateway.Processing;

/// <summary>SHA-256 of a request's canonical content, hex; equal hashes mean an identical resend (S7).</summary>
internal static class ContentHash
{
    public static string Of(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
}
