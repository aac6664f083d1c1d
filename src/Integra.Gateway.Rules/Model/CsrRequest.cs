namespace Integra.Gateway.Rules.Model;

/// <summary>One CSR request: one row of a CSR file (SPEC §2.2).</summary>
public sealed record CsrRequest(FieldValues Fields, int Line)
{
    public string Ccna => Fields[Field.Ccna];

    public string Pon => Fields[Field.Pon];

    /// <summary>Canonical text of the row, to recognise an identical resend.</summary>
    public string CanonicalContent() =>
        string.Join('\u001f', FieldNames.CsrColumns.Select(f => Fields[f]));
}
