using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Integra.Gateway.Processing;

/// <summary>SHA-256 of a request's canonical content, hex; equal hashes mean an identical resend (S7).</summary>
internal static class ContentHash
{
    public static string Of(string canonical)
    {
        // Encoded into a stack or pooled buffer: one hash per request of every file, no byte array per request.
        var max = Encoding.UTF8.GetMaxByteCount(canonical.Length);
        byte[]? rented = null;
        var buffer = max <= 2048 ? stackalloc byte[2048] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = Encoding.UTF8.GetBytes(canonical, buffer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..length], hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
