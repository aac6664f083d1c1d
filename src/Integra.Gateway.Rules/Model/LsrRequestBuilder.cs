namespace Integra.Gateway.Rules.Model;

/// <summary>
/// Collects the rows of one request (same CCNA+PON+VER) as they stream in. Only the first row is kept whole;
/// later rows keep their TN and are compared with the first on every request-level column (L16 → R03).
/// </summary>
public sealed class LsrRequestBuilder
{
    private readonly FieldValues _first;
    private readonly int _firstLine;
    private readonly List<TnLine> _tns = [];
    private readonly List<RuleError> _errors = [];
    private HashSet<Field>? _reportedDisagreements;

    public LsrRequestBuilder(int line, FieldValues first)
    {
        _first = first;
        _firstLine = line;
        AddTn(line, first);
    }

    /// <summary>The grouping key of a row: CCNA+PON+VER, with blank VER read as 00.</summary>
    public static string KeyOf(FieldValues row) =>
        string.Concat(row[Field.Ccna], "|", row[Field.Pon], "|", row[Field.Ver].Length == 0 ? "00" : row[Field.Ver]);

    /// <summary>Adds a further row of the same request.</summary>
    public void Add(int line, FieldValues row)
    {
        foreach (var field in FieldNames.LsrColumnArray)
        {
            // Made only when rows disagree: nearly every request of a large file has rows that agree.
            if (field is Field.Tn || row[field] == _first[field] || !(_reportedDisagreements ??= []).Add(field))
            {
                continue;
            }

            // The passcode is a secret: say that it differs, never what it is.
            var detail = field == Field.Passcode
                ? string.Empty
                : $" (line {_firstLine}: '{_first[field]}', line {line}: '{row[field]}')";
            _errors.Add(new RuleError(
                "L16",
                RejectCodes.RowsDisagree,
                field.Name(),
                $"All rows of PON {_first[Field.Pon]} must carry the same {field.Name()}{detail}; send one value on every row."));
        }

        AddTn(line, row);
    }

    public LsrRequest Build() => new(_first, _tns, _errors, _firstLine);

    private void AddTn(int line, FieldValues row)
    {
        var raw = row[Field.Tn];
        _tns.Add(new TnLine(line, raw, TelephoneNumber.TryNormalize(raw, out var tn) ? tn : null));
    }
}
