namespace Integra.Gateway.Rules.Model;

/// <summary>
/// The trimmed cell values of one row, indexed by <see cref="Field"/>; an absent column reads as "".
/// Kept as an array rather than a dictionary because a 50,000-row file holds many of them.
/// </summary>
public sealed class FieldValues
{
    private static readonly int Count = Enum.GetValues<Field>().Length;
    private readonly string[] _values;

    private FieldValues(string[] values) => _values = values;

    /// <summary>An empty row to fill.</summary>
    public static FieldValues Empty()
    {
        var values = new string[Count];
        Array.Fill(values, string.Empty);
        return new FieldValues(values);
    }

    /// <summary>Builds a row from field/value pairs (tests and the CSV reader).</summary>
    public static FieldValues Of(IEnumerable<KeyValuePair<Field, string>> values)
    {
        var row = Empty();
        foreach (var (field, value) in values)
        {
            row.Set(field, value);
        }

        return row;
    }

    /// <summary>The trimmed value of <paramref name="field"/>, "" when blank or absent.</summary>
    public string this[Field field] => _values[(int)field];

    /// <summary>Sets a value, trimming surrounding blanks.</summary>
    public void Set(Field field, string? value) => _values[(int)field] = value?.Trim() ?? string.Empty;

    /// <summary>True when the field has a non-blank value.</summary>
    public bool Has(Field field) => _values[(int)field].Length > 0;
}
