namespace Integra.Gateway.Delivery;

/// <summary>What the outbox holds: rows of files to deliver once the transaction that made them has committed.</summary>
public enum OutboxKind
{
    /// <summary>A response file row for a partner (CAN E01 after expiry, an FOC after review).</summary>
    Response,

    /// <summary>A line of an NPAC outbox file.</summary>
    Npac,
}

/// <summary>
/// One file waiting in the outbox: for whom, its rows (cells in column order), and the route its channel worker
/// delivers it on (null for NPAC files, and for responses recorded before orders kept their route).
/// </summary>
public sealed record OutboxFile(OutboxKind Kind, string Partner, string FileName, IReadOnlyList<long> Ids, IReadOnlyList<string[]> Rows, DeliveryRoute? Route = null)
{
    /// <summary>The partner column of NPAC rows: they go to NPAC, not to a trading partner.</summary>
    public const string NpacPartner = "npac";
}
