using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Portal.Api;

/// <summary>The API's JSON as the columns of a request file (SPEC §2): blanks for what is not given, values trimmed.</summary>
public static class ApiForms
{
    public static Dictionary<Field, string> Lsr(LsrSubmission l) => Columns(
        (Field.Ccna, l.Ccna), (Field.Pon, l.Pon), (Field.Ver, l.Ver), (Field.Cc, l.Cc), (Field.Nnsp, l.Nnsp), (Field.Npdi, l.Npdi),
        (Field.Reqtyp, l.Reqtyp), (Field.Act, l.Act), (Field.Ddd, l.Ddd), (Field.Inittel, l.Inittel), (Field.Agauth, l.Agauth),
        (Field.An, l.An), (Field.Zip, l.Zip), (Field.Passcode, l.Passcode), (Field.Sup, l.Sup), (Field.Exp, l.Exp), (Field.Mi, l.Mi),
        (Field.Remarks, l.Remarks), (Field.DtSent, l.DtSent), (Field.Authnm, l.Authnm), (Field.Dated, l.Dated), (Field.State, l.State));

    public static Dictionary<Field, string> Csr(CsrSubmission c) => Columns(
        (Field.Ccna, c.Ccna), (Field.Pon, c.Pon), (Field.Agauth, c.Agauth), (Field.Inittel, c.Inittel), (Field.DtSent, c.DtSent),
        (Field.Authnm, c.Authnm), (Field.Dated, c.Dated), (Field.State, c.State), (Field.An, c.An), (Field.Tn, c.Tn));

    private static Dictionary<Field, string> Columns(params (Field Field, string? Value)[] values) =>
        values.ToDictionary(v => v.Field, v => v.Value?.Trim() ?? string.Empty);
}

/// <summary>A CSR request's columns as multipart form fields (the LOA is the file part <c>loa</c>).</summary>
public sealed class CsrSubmissionForm
{
    public string? Ccna { get; set; }
    public string? Pon { get; set; }
    public string? Agauth { get; set; }
    public string? Inittel { get; set; }
    public string? Dtsent { get; set; }
    public string? Authnm { get; set; }
    public string? Dated { get; set; }
    public string? State { get; set; }
    public string? An { get; set; }
    public string? Tn { get; set; }

    public CsrSubmission AsSubmission() =>
        new() { Ccna = Ccna, Pon = Pon, Agauth = Agauth, Inittel = Inittel, DtSent = Dtsent, Authnm = Authnm, Dated = Dated, State = State, An = An, Tn = Tn };
}
