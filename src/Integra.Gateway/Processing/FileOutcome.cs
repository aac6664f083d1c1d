using Integra.Gateway.Responses;

namespace Integra.Gateway.Processing;

/// <summary>The answer to one request file: its response rows and whether the file as a whole was refused (F01–F05).</summary>
public sealed record FileOutcome(string FileName, string ResponseName, IReadOnlyList<ResponseRow> Rows, int Requests, bool FileRejected)
{
    /// <summary>Rows per response type, e.g. FOC=3 REJ=1, for logs and the CLI.</summary>
    public string Summary() =>
        string.Join(' ', Rows.GroupBy(r => r.RespTyp).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}"));
}
