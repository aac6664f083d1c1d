using Integra.Gateway.Responses;
using Integra.Gateway.Storage;

namespace Integra.Gateway.Processing;

/// <summary>The answer to one request file: its response rows and whether the file as a whole was refused (F01–F05).</summary>
/// <param name="FileName">The request file's name as the partner gave it.</param>
/// <param name="ResponseName">The response file's name (SPEC §5).</param>
/// <param name="Rows">The response rows, in request order.</param>
/// <param name="Requests">How many requests the file held.</param>
/// <param name="FileRejected">True for a file-level reject (F01–F05).</param>
/// <param name="Documents">LOA documents the file's requests named; they are archived with it.</param>
/// <param name="Summaries">One line per request, for the log.</param>
/// <param name="NpacBatches">NPAC cancels the file's decisions recorded in the outbox (S2, S5), for the CLI's copy.</param>
public sealed record FileOutcome(string FileName, string ResponseName, IReadOnlyList<ResponseRow> Rows, int Requests, bool FileRejected, IReadOnlyList<string> Documents, IReadOnlyList<RequestSummary> Summaries, IReadOnlyList<NpacBatch>? NpacBatches = null)
{
    /// <summary>Rows per response type, e.g. FOC=3 REJ=1, for logs and the CLI.</summary>
    public string Summary() =>
        string.Join(' ', Rows.GroupBy(r => ResponseCodes.Of(r.RespTyp)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}"));
}

/// <summary>What was decided for one request: kind, PON, VER, TN rows, response type (null: no answer) and reject codes.</summary>
public sealed record RequestSummary(OrderKind Kind, string Pon, string Ver, int TnCount, ResponseType? Outcome, string RejectCodes)
{
    /// <summary>The outcome as logs and metrics name it: the response type's RESPTYP, or NONE.</summary>
    public string OutcomeText => Outcome is { } type ? StoredText.Of(type) : "NONE";

    /// <summary>The kind as logs and metrics name it: its stored text, LSR or CSR.</summary>
    public string KindText => StoredText.Of(Kind);
}
