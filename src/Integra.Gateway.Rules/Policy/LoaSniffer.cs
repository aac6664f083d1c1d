using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Rules.Policy;

/// <summary>Recognises an LOA by its magic bytes; the file name's extension is not trusted.</summary>
public static class LoaSniffer
{
    /// <summary>The number of leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeadLength = 8;

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    /// <summary>Judges a document by its first bytes and its total length.</summary>
    public static LoaContent Detect(ReadOnlySpan<byte> head, long length)
    {
        if (length == 0)
        {
            return LoaContent.Empty;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return LoaContent.Pdf;
        }

        if (head.StartsWith(PngMagic))
        {
            return LoaContent.Png;
        }

        if (head.StartsWith(JpegMagic))
        {
            return LoaContent.Jpeg;
        }

        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
        {
            return LoaContent.Tiff;
        }

        return LoaContent.Unrecognized;
    }
}
