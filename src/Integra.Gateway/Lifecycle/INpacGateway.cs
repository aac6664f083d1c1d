namespace Integra.Gateway.Lifecycle;

/// <summary>One NPAC request: cancel the pending port subscription of a TN (SPEC §5 NPAC outbox).</summary>
public sealed record NpacCancel(string Tn, string Nnsp, string Pon, string LsrNo, string Spid)
{
    public static readonly IReadOnlyList<string> Columns = ["ACTION", "TN", "NNSP", "PON", "LSRNO", "SPID"];

    public string[] Cells() => ["CANCEL", Tn, Nnsp, Pon, LsrNo, Spid];
}

/// <summary>
/// Integra's side of NPAC. Today an outbox of CSV files that the NPAC desk's SOA tooling picks up; a direct SOA
/// connection is a later adapter behind the same interface.
/// </summary>
public interface INpacGateway
{
    /// <summary>Delivers a batch of cancels under <paramref name="batchName"/>; delivering the same batch again must be harmless.</summary>
    void Submit(string batchName, IReadOnlyList<string[]> cancelRows);
}

/// <summary>Writes each batch as <c>DIR/&lt;batchName&gt;</c> (CSV, SPEC §5), atomically; a repeated batch replaces its identical file.</summary>
public sealed class NpacOutboxFiles(string directory) : INpacGateway
{
    public void Submit(string batchName, IReadOnlyList<string[]> cancelRows) =>
        Csv.CsvFiles.WriteAtomically(Path.Combine(directory, batchName), NpacCancel.Columns, cancelRows);
}
