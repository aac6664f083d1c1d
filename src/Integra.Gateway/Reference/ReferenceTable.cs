using System.Text;
using CsvHelper;
using Integra.Gateway.Csv;

namespace Integra.Gateway.Reference;

/// <summary>One row of a reference file, with its line number for error messages.</summary>
internal sealed class ReferenceRow(string file, int line, IReadOnlyDictionary<string, int> columns, string[] cells)
{
    public int Line => line;

    /// <summary>The trimmed cell of <paramref name="column"/>.</summary>
    public string this[string column] => columns[column] < cells.Length ? cells[columns[column]].Trim() : string.Empty;

    /// <summary>A non-blank cell, else a <see cref="ReferenceDataException"/> naming file, line and column.</summary>
    public string Required(string column)
    {
        var value = this[column];
        return value.Length > 0 ? value : throw Error($"{column} is blank");
    }

    public ReferenceDataException Error(string message) => new($"{file}:{line}: {message}");
}

/// <summary>Reads one reference CSV file (SPEC §3), checking its header names the expected columns.</summary>
internal static class ReferenceTable
{
    public static IEnumerable<ReferenceRow> Read(string directory, string fileName, params string[] columns)
    {
        var path = Path.Combine(directory, fileName);
        if (!File.Exists(path))
        {
            throw new ReferenceDataException($"{path}: reference file not found");
        }

        return ReadExisting(path, fileName, columns);
    }

    /// <summary>Like <see cref="Read"/>, for a file SPEC §3 marks optional: a missing file has no rows.</summary>
    public static IEnumerable<ReferenceRow> ReadOptional(string directory, string fileName, params string[] columns)
    {
        var path = Path.Combine(directory, fileName);
        return File.Exists(path) ? ReadExisting(path, fileName, columns) : [];
    }

    private static IEnumerable<ReferenceRow> ReadExisting(string path, string fileName, string[] columns)
    {
        using var csv = CsvSource.Open(File.OpenRead(path));
        var index = ReadHeader(csv, path, columns);
        while (true)
        {
            string[]? cells;
            int line;
            try
            {
                if (!csv.Read())
                {
                    yield break;
                }

                line = csv.Parser.RawRow;
                cells = csv.Parser.Record;
            }
            catch (Exception e) when (e is CsvHelperException or DecoderFallbackException)
            {
                throw new ReferenceDataException($"{path}:{csv.Parser.RawRow}: not valid UTF-8 CSV ({e.GetType().Name})", e);
            }

            yield return new ReferenceRow(fileName, line, index, cells ?? []);
        }
    }

    private static Dictionary<string, int> ReadHeader(CsvReader csv, string path, string[] columns)
    {
        try
        {
            if (!csv.Read() || !csv.ReadHeader())
            {
                throw new ReferenceDataException($"{path}:1: empty file; expected header {string.Join(',', columns)}");
            }
        }
        catch (Exception e) when (e is CsvHelperException or DecoderFallbackException)
        {
            throw new ReferenceDataException($"{path}:1: not valid UTF-8 CSV ({e.GetType().Name})", e);
        }

        var header = csv.HeaderRecord ?? [];
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            index.TryAdd(header[i].Trim(), i);
        }

        var missing = columns.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ReferenceDataException($"{path}:1: missing column(s) {string.Join(", ", missing)}");
        }

        return index;
    }
}
