using CsvHelper;
using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Intake;

/// <summary>Which cell of a row holds which known column; unknown columns are ignored.</summary>
internal sealed class Header
{
    private readonly (int Index, Field Field)[] _map;

    private Header((int, Field)[] map, IReadOnlyList<string> missing)
    {
        _map = map;
        Missing = missing;
    }

    /// <summary>Required columns the header lacks, by their partner-facing names.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Reads the header row; null when the file has no rows at all.</summary>
    public static Header? Read(IParser parser, IReadOnlyList<Field> known, IReadOnlyList<Field> required)
    {
        if (!parser.Read())
        {
            return null;
        }

        var cells = parser.Record ?? [];
        BinaryContentException.ThrowIfBinary(cells);
        var map = new List<(int, Field)>();
        var seen = new HashSet<Field>();
        for (var i = 0; i < cells.Length; i++)
        {
            // The first of two same-named columns wins.
            if (FieldNames.TryParse(cells[i], out var field) && known.Contains(field) && seen.Add(field))
            {
                map.Add((i, field));
            }
        }

        var missing = required.Where(f => !seen.Contains(f)).Select(f => f.Name()).ToList();
        return new Header([.. map], missing);
    }

    public bool Has(Field field) => _map.Any(m => m.Field == field);

    public FieldValues Map(string[] record)
    {
        BinaryContentException.ThrowIfBinary(record);
        var row = FieldValues.Empty();
        foreach (var (index, field) in _map)
        {
            if (index < record.Length)
            {
                row.Set(field, record[index]);
            }
        }

        return row;
    }
}
