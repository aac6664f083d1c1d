using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Integra.Gateway.Responses;

/// <summary>
/// Writes response files (SPEC §5): UTF-8 without BOM, RFC 4180, the contract's header, CSV injection
/// neutralised. A file appears only whole: it is written and flushed to disk under a temporary name, then
/// renamed into place.
/// </summary>
public static class ResponseWriter
{
    private static readonly CsvConfiguration Config = new(CultureInfo.InvariantCulture)
    {
        // Quote only when needed; the leading apostrophe already neutralises formula cells.
        ShouldQuote = args => args.Field.AsSpan().IndexOfAny(",\"\r\n") >= 0,
    };

    /// <summary>Writes <paramref name="rows"/> to <paramref name="path"/> atomically, replacing an older file of that name.</summary>
    public static void WriteFile(string path, IEnumerable<ResponseRow> rows)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                Write(stream, rows);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Writes the response CSV to a stream (for SFTP uploads and mail attachments).</summary>
    public static void Write(Stream stream, IEnumerable<ResponseRow> rows)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        using var csv = new CsvWriter(writer, Config);
        foreach (var column in ResponseRow.Columns)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var cell in row.Cells())
            {
                csv.WriteField(CsvInjection.Neutralise(cell));
            }

            csv.NextRecord();
        }
    }

    /// <summary>The response CSV as text (stored for S7 resends and shown by the CLI).</summary>
    public static string ToText(IEnumerable<ResponseRow> rows)
    {
        using var buffer = new MemoryStream();
        Write(buffer, rows);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
