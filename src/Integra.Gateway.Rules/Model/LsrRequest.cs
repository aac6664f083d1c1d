namespace Integra.Gateway.Rules.Model;

/// <summary>
/// One LSR: the request-level values (from its first row), its TN rows, and the errors found while assembling
/// it from rows (R03). Values are raw trimmed text; the policy judges their format.
/// </summary>
public sealed record LsrRequest(FieldValues Fields, IReadOnlyList<TnLine> Tns, IReadOnlyList<RuleError> AssemblyErrors, int FirstLine)
{
    public string Ccna => Fields[Field.Ccna];

    public string Pon => Fields[Field.Pon];

    /// <summary>The version as two digits; blank means 00 (SPEC §2.1).</summary>
    public string Ver => Fields[Field.Ver].Length == 0 ? "00" : Fields[Field.Ver];

    public string An => Fields[Field.An];

    public string Sup => Fields[Field.Sup];

    /// <summary>
    /// A canonical text of everything the partner sent for this request, used to tell an identical resend (S7)
    /// from a changed one (S8). TNs are sorted so that row order does not matter, and VER is written as
    /// <see cref="Ver"/>: a blank VER is <c>00</c> also when a resend is compared with what was received (SPEC §2.1).
    /// </summary>
    public string CanonicalContent() => Canonical(Ver);

    /// <summary>
    /// The canonical text a VER 00 request sent with VER blank had before contract v3 (VER as sent), so that a resend
    /// of a version stored then is still recognised, whichever spelling the resend uses. Null for any other VER.
    /// </summary>
    public string? LegacyCanonicalContent() => Ver == "00" ? Canonical(string.Empty) : null;

    private string Canonical(string ver)
    {
        // One builder instead of LINQ and joins: computed for every request of a file, resends included.
        var text = new System.Text.StringBuilder(512);
        var first = true;
        foreach (var field in FieldNames.LsrColumnArray)
        {
            if (field == Field.Tn)
            {
                continue;
            }

            if (!first)
            {
                text.Append('\u001f');
            }

            text.Append(field == Field.Ver ? ver : Fields[field]);
            first = false;
        }

        text.Append('\u001e');
        var tns = new string[Tns.Count];
        for (var i = 0; i < tns.Length; i++)
        {
            tns[i] = Tns[i].Tn ?? Tns[i].Raw;
        }

        Array.Sort(tns, StringComparer.Ordinal);
        return text.AppendJoin('\u001f', tns).ToString();
    }
}
