using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Portal.Submissions;

/// <summary>
/// The fields the submission forms show, in the rules' own columns (<see cref="FieldNames"/>) with a label each. The
/// columns and their names come from the rules; only the words for people are the portal's. Nothing here judges a
/// value: the rules do, after submit.
/// </summary>
public static class FormFields
{
    private static readonly Dictionary<Field, string> Labels = new()
    {
        [Field.Ccna] = "Your CCNA",
        [Field.Pon] = "Purchase order number",
        [Field.Ver] = "Version",
        [Field.Cc] = "Company code of the new provider",
        [Field.Nnsp] = "New network service provider SPID",
        [Field.Npdi] = "Portability direction (C, D, G or H)",
        [Field.Reqtyp] = "Requisition type (CB, or BB to re-use the analog loop)",
        [Field.Act] = "Activity (V)",
        [Field.Ddd] = "Desired due date (yyyy-MM-dd)",
        [Field.Inittel] = "Initiator's telephone number",
        [Field.Agauth] = "End-user authorization on file (Y)",
        [Field.An] = "Integra account number",
        [Field.Zip] = "Service ZIP code",
        [Field.Passcode] = "End user's passcode (if the account has one)",
        [Field.Tn] = "Telephone numbers",
        [Field.Sup] = "Supplement type",
        [Field.Exp] = "Expedite requested (Y)",
        [Field.Mi] = "Migration indicator (A = partial)",
        [Field.Remarks] = "Remarks (partial port, disconnects, SUP 3 reason)",
        [Field.DtSent] = "Date and time sent (non-simple ports)",
        [Field.Authnm] = "Authorizing end user's name (non-simple ports)",
        [Field.Dated] = "Date of the authorization (non-simple ports)",
        [Field.State] = "Service state",
        [Field.Loa] = "Letter of authorization (agents: PDF, TIFF, PNG or JPEG)",
    };

    /// <summary>The request-level columns of an LSR (SPEC §2.1): every LSR column but TN, which has one line per number.</summary>
    public static IReadOnlyList<Field> LsrRequestLevel { get; } = FieldNames.LsrColumns.Where(f => f is not Field.Tn and not Field.Sup).ToList();

    /// <summary>The columns of a CSR request that the CSR form shows (SPEC §2.2); the LOA is the uploaded file.</summary>
    public static IReadOnlyList<Field> Csr { get; } = FieldNames.CsrColumns.Where(f => f != Field.Loa).ToList();

    public static string Label(Field field) => Labels[field];

    /// <summary>An HTML id for a column (<c>D/TSENT</c> → <c>f-DTSENT</c>).</summary>
    public static string Id(Field field) => "f-" + new string(field.Name().Where(char.IsLetterOrDigit).ToArray());

    /// <summary>Form values keyed by column name, as the rules' fields; blanks dropped, values trimmed.</summary>
    public static Dictionary<Field, string> From(IReadOnlyDictionary<string, string?> values, IEnumerable<Field> fields) =>
        fields.ToDictionary(f => f, f => values.TryGetValue(f.Name(), out var v) ? v?.Trim() ?? string.Empty : string.Empty);

    /// <summary>The TNs of a text area, one per line, blank lines left out.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
