namespace Integra.Gateway.Portal.Submissions;

/// <summary>One answer in a partner's portal inbox: a response file of SPEC §5 and its rows.</summary>
/// <param name="Id">The inbox entry, for its page and its download.</param>
/// <param name="FileName">The response file's name (<c>*.resp.csv</c>).</param>
/// <param name="DeliveredAt">When it reached the inbox.</param>
/// <param name="Rows">Its rows, in the file's order.</param>
/// <param name="Repeated">The form had been posted before: this is that submission's answer, nothing was decided again.</param>
public sealed record PortalAnswer(long Id, string FileName, DateTimeOffset DeliveredAt, IReadOnlyList<AnswerRow> Rows, bool Repeated = false)
{
    /// <summary>Rows per response type, e.g. "FOC 2, REJ 1", for lists.</summary>
    public string Summary =>
        string.Join(", ", Rows.GroupBy(r => r.RespTyp).Select(g => $"{g.Key} {g.Count()}"));

    /// <summary>The distinct PONs answered, for lists.</summary>
    public string Pons => string.Join(", ", Rows.Select(r => r.Pon).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal));
}

/// <summary>One row of a response file (SPEC §5), every column as text, blank when not applicable.</summary>
public sealed record AnswerRow(
    string RespTyp,
    string Ccna,
    string Pon,
    string Ver,
    string LsrNo,
    string An,
    string Tn,
    string Lna,
    string Dd,
    string Code,
    string Field,
    string Message,
    string Customer,
    string Address,
    string Services,
    string Contact)
{
    /// <summary>A row from its cells in the contract's column order.</summary>
    public static AnswerRow FromCells(IReadOnlyList<string> c) =>
        new(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13], c[14], c[15]);
}
