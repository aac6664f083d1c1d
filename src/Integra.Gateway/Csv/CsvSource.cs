using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Integra.Gateway.Csv;

/// <summary>
/// Opens CSV the way SPEC §2 defines it: strict UTF-8 (a BOM is allowed, anything else undecodable fails),
/// comma separated, RFC 4180 quoting, blank lines ignored. Bad quoting raises <see cref="CsvHelperException"/>,
/// undecodable bytes <see cref="DecoderFallbackException"/>.
/// </summary>
internal static class CsvSource
{
    /// <summary>UTF-8 that throws on invalid bytes; its preamble lets StreamReader strip a BOM.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    public static CsvConfiguration Configuration { get; } = new(CultureInfo.InvariantCulture)
    {
        Delimiter = ",",
        DetectDelimiter = false,
        IgnoreBlankLines = true,
        HasHeaderRecord = true,
        MissingFieldFound = null,
        // Many rows repeat the same request-level values; caching keeps one string per distinct value.
        CacheFields = true,
        Mode = CsvMode.RFC4180,
    };

    public static CsvReader Open(Stream stream)
    {
        var reader = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024, leaveOpen: false);
        return new CsvReader(reader, Configuration);
    }
}
