using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Integra.Gateway.Portal.Api;

// The JSON of SPEC §8. Property names are the columns of SPEC §2 in lower case (D/TSENT is dtsent); the OpenAPI
// document and the generated clients take their names from here.

/// <summary>An LSR: the request-level columns of SPEC §2.1 once, and the TNs to port (one row each).</summary>
public sealed record LsrSubmission
{
    [JsonPropertyName("ccna")] public string? Ccna { get; init; }
    [JsonPropertyName("pon")] public string? Pon { get; init; }
    [JsonPropertyName("ver")] public string? Ver { get; init; }
    [JsonPropertyName("cc")] public string? Cc { get; init; }
    [JsonPropertyName("nnsp")] public string? Nnsp { get; init; }
    [JsonPropertyName("npdi")] public string? Npdi { get; init; }
    [JsonPropertyName("reqtyp")] public string? Reqtyp { get; init; }
    [JsonPropertyName("act")] public string? Act { get; init; }
    [JsonPropertyName("ddd")] public string? Ddd { get; init; }
    [JsonPropertyName("inittel")] public string? Inittel { get; init; }
    [JsonPropertyName("agauth")] public string? Agauth { get; init; }
    [JsonPropertyName("an")] public string? An { get; init; }
    [JsonPropertyName("zip")] public string? Zip { get; init; }
    [JsonPropertyName("passcode")] public string? Passcode { get; init; }
    [JsonPropertyName("sup")] public string? Sup { get; init; }
    [JsonPropertyName("exp")] public string? Exp { get; init; }
    [JsonPropertyName("mi")] public string? Mi { get; init; }
    [JsonPropertyName("remarks")] public string? Remarks { get; init; }
    [JsonPropertyName("dtsent")] public string? DtSent { get; init; }
    [JsonPropertyName("authnm")] public string? Authnm { get; init; }
    [JsonPropertyName("dated")] public string? Dated { get; init; }
    [JsonPropertyName("state")] public string? State { get; init; }

    /// <summary>The TNs to port, one row of the request file each; none only for a supplement (SUP 1).</summary>
    [JsonPropertyName("tns")] public IReadOnlyList<string>? Tns { get; init; }
}

/// <summary>A CSR request: the columns of SPEC §2.2, with the letter of authorization inline.</summary>
public sealed record CsrSubmission
{
    [JsonPropertyName("ccna")] public string? Ccna { get; init; }
    [JsonPropertyName("pon")] public string? Pon { get; init; }
    [JsonPropertyName("agauth")] public string? Agauth { get; init; }
    [JsonPropertyName("inittel")] public string? Inittel { get; init; }
    [JsonPropertyName("dtsent")] public string? DtSent { get; init; }
    [JsonPropertyName("authnm")] public string? Authnm { get; init; }
    [JsonPropertyName("dated")] public string? Dated { get; init; }
    [JsonPropertyName("state")] public string? State { get; init; }
    [JsonPropertyName("an")] public string? An { get; init; }
    [JsonPropertyName("tn")] public string? Tn { get; init; }

    /// <summary>The end user's letter of authorization (agents: PDF, TIFF, PNG or JPEG, checked by content).</summary>
    [JsonPropertyName("loa")] public LoaDocumentJson? Loa { get; init; }
}

/// <summary>A document as a file name and its bytes (base64 in JSON).</summary>
public sealed record LoaDocumentJson
{
    [JsonPropertyName("fileName"), Required] public required string FileName { get; init; }
    [JsonPropertyName("content"), Required] public required byte[] Content { get; init; }
}

/// <summary>The answer to a submission: a response file of SPEC §5 as JSON rows. A reject is an answer too (REJ rows).</summary>
/// <param name="Id">The answer's id in the partner's answers (the feed's cursor counts in these).</param>
/// <param name="FileName">The request file it became on channel api, answered as <c>*.resp.csv</c>.</param>
/// <param name="AnsweredAt">When the gateway accepted and answered it (the request's received time).</param>
/// <param name="Rows">The rows of the response file.</param>
public sealed record SubmissionAnswer(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("fileName")] string FileName,
    [property: JsonPropertyName("answeredAt")] DateTimeOffset AnsweredAt,
    [property: JsonPropertyName("rows")] IReadOnlyList<ResponseRowJson> Rows);

/// <summary>One row of a response file (SPEC §5), the columns in lower case; blank when not applicable.</summary>
public sealed record ResponseRowJson(
    [property: JsonPropertyName("resptyp")] string Resptyp,
    [property: JsonPropertyName("ccna")] string Ccna,
    [property: JsonPropertyName("pon")] string Pon,
    [property: JsonPropertyName("ver")] string Ver,
    [property: JsonPropertyName("lsrno")] string Lsrno,
    [property: JsonPropertyName("an")] string An,
    [property: JsonPropertyName("tn")] string Tn,
    [property: JsonPropertyName("lna")] string Lna,
    [property: JsonPropertyName("dd")] string Dd,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("customer")] string Customer,
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("services")] string Services,
    [property: JsonPropertyName("contact")] string Contact)
{
    public static ResponseRowJson FromCells(IReadOnlyList<string> c) =>
        new(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13], c[14], c[15]);
}

/// <summary>Answers after a cursor, oldest first; <see cref="Next"/> is the cursor for the next poll (the last id, or the one given).</summary>
public sealed record AnswerFeed(
    [property: JsonPropertyName("answers")] IReadOnlyList<SubmissionAnswer> Answers,
    [property: JsonPropertyName("next")] long Next);
