using System.Text;
using CsvHelper;
using Integra.Gateway.Csv;
using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Intake;

/// <summary>
/// Reads a request file (SPEC §2) row by row and groups LSR rows into requests. The file is never held whole:
/// memory is bounded by the row limit, and for each LSR only its first row is kept in full.
/// Every problem with the file as a whole becomes one <see cref="FileRejection"/>; nothing here throws for bad input.
/// </summary>
public sealed class RequestFileReader(IntakeLimits limits)
{
    /// <param name="fileName">The name the partner gave the file; decides its kind.</param>
    /// <param name="content">The file content, read once to the end.</param>
    /// <param name="length">The size when known before reading, to refuse oversized files without reading them.</param>
    /// <param name="leaveOpen">Leave <paramref name="content"/> open (it is closed after reading otherwise).</param>
    public ParsedFile Read(string fileName, Stream content, long? length, bool leaveOpen = false)
    {
        var kind = FileKinds.FromName(fileName);
        if (kind is null)
        {
            return new FileRejection(RejectCodes.UnknownFileKind, string.Empty, $"File '{fileName}' is neither an LSR file (*.lsr.csv) nor a CSR file (*.csr.csv); rename it and send it again.");
        }

        if (length > limits.MaxFileBytes)
        {
            return TooLarge();
        }

        using var csv = CsvSource.Open(new LimitedStream(content, limits.MaxFileBytes, leaveOpen));
        try
        {
            return kind == FileKind.Lsr ? ReadLsr(csv.Parser) : ReadCsr(csv.Parser);
        }
        catch (DecoderFallbackException)
        {
            return Unreadable($"is not UTF-8 text near line {csv.Parser.RawRow}; save it as UTF-8 CSV");
        }
        catch (CsvHelperException e) when (e is not BadDataException)
        {
            return Unreadable($"is not valid CSV near line {csv.Parser.RawRow}; check its quoting (RFC 4180)");
        }
        catch (BadDataException)
        {
            return Unreadable($"has a badly quoted field near line {csv.Parser.RawRow}; a field with commas, quotes or line breaks must be quoted and quotes inside it doubled (RFC 4180)");
        }
        catch (FileTooLargeException)
        {
            return TooLarge();
        }
        catch (BinaryContentException)
        {
            return Unreadable("contains binary data (NUL bytes); send a UTF-8 CSV text file");
        }
    }

    private FileRejection TooLarge() => new(
        RejectCodes.TooLarge,
        string.Empty,
        $"The file is larger than {limits.MaxFileBytes / (1024 * 1024)} MiB or has more than {limits.MaxRows} rows; split it into smaller files.");

    private static FileRejection Unreadable(string what) => new(RejectCodes.Unreadable, string.Empty, $"The file {what}.");

    private static FileRejection NoRequests() => new(RejectCodes.NoRequests, string.Empty, "The file has no request rows; send at least one row below the header.");

    private ParsedFile ReadLsr(IParser parser)
    {
        if (Header.Read(parser, FieldNames.LsrColumns, FieldNames.LsrHeaderRequired) is not { } header)
        {
            return NoRequests();
        }

        if (header.Missing.Count > 0)
        {
            return MissingColumns(header.Missing, "an LSR");
        }

        var builders = new Dictionary<string, LsrRequestBuilder>(StringComparer.Ordinal);
        var order = new List<LsrRequestBuilder>();
        var rows = 0;
        while (NextRow(parser, header, ref rows) is { } row)
        {
            var key = LsrRequestBuilder.KeyOf(row);
            if (builders.TryGetValue(key, out var builder))
            {
                builder.Add(parser.RawRow, row);
            }
            else
            {
                builder = new LsrRequestBuilder(parser.RawRow, row);
                builders.Add(key, builder);
                order.Add(builder);
            }
        }

        return order.Count == 0 ? NoRequests() : new LsrFile(order.Select(b => b.Build()).ToList(), rows);
    }

    private ParsedFile ReadCsr(IParser parser)
    {
        if (Header.Read(parser, FieldNames.CsrColumns, FieldNames.CsrHeaderRequired) is not { } header)
        {
            return NoRequests();
        }

        var missing = header.Missing.ToList();
        if (!header.Has(Field.An) && !header.Has(Field.Tn))
        {
            missing.Add("AN|TN");
        }

        if (missing.Count > 0)
        {
            return MissingColumns(missing, "a CSR");
        }

        var requests = new List<CsrRequest>();
        var rows = 0;
        while (NextRow(parser, header, ref rows) is { } row)
        {
            requests.Add(new CsrRequest(row, parser.RawRow));
        }

        return requests.Count == 0 ? NoRequests() : new CsrFile(requests);
    }

    private static FileRejection MissingColumns(IReadOnlyList<string> missing, string kind) => new(
        RejectCodes.MissingColumns,
        string.Join(';', missing),
        $"The header of {kind} file lacks the column(s) {string.Join(", ", missing)}; add them to the first row.");

    private static bool IsBlank(string[] record)
    {
        foreach (var cell in record)
        {
            if (!string.IsNullOrWhiteSpace(cell))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The next non-blank row, or null at the end; enforces the row limit and refuses binary content.</summary>
    private FieldValues? NextRow(IParser parser, Header header, ref int rows)
    {
        while (parser.Read())
        {
            var record = parser.Record ?? [];
            if (IsBlank(record))
            {
                continue;
            }

            if (++rows > limits.MaxRows)
            {
                throw new FileTooLargeException();
            }

            return header.Map(record);
        }

        return null;
    }
}
