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
    /// from a changed one (S8). TNs are sorted so that row order does not matter.
    /// </summary>
    public string CanonicalContent()
    {
        var parts = FieldNames.LsrColumns.Where(f => f != Field.Tn).Select(f => Fields[f]);
        var tns = Tns.Select(t => t.Tn ?? t.Raw).Order(StringComparer.Ordinal);
        return string.Join('\u001f', parts) + '\u001e' + string.Join('\u001f', tns);
    }
}
