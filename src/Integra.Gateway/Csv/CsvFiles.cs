using System.Globalization;
using System.Text;
using CsvHelper;
using Integra.Gateway.Responses;

namespace Integra.Gateway.Csv;

/// <summary>Writes CSV files that appear only whole: temporary name, flushed to disk, renamed into place.</summary>
internal static class CsvFiles
{
    public static void WriteAtomically(string path, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, TemporaryNames.For(Path.GetFileName(path)));
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                Write(stream, header, rows);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>UTF-8 without BOM, RFC 4180, every cell neutralised against CSV injection.</summary>
    public static void Write(Stream stream, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 4096, leaveOpen: true);
        using var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // Quote only when needed; the leading apostrophe already neutralises formula cells.
            ShouldQuote = args => args.Field.AsSpan().IndexOfAny(",\"\r\n") >= 0,
        });
        foreach (var column in header)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var cell in row)
            {
                csv.WriteField(CsvInjection.Neutralise(cell));
            }

            csv.NextRecord();
        }
    }
}
