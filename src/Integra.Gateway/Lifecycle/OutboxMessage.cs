namespace Integra.Gateway.Lifecycle;

/// <summary>What the outbox holds: rows of files to deliver once the transaction that made them has committed.</summary>
public static class OutboxKinds
{
    /// <summary>A response file row for a partner (CAN E01 after expiry).</summary>
    public const string Response = "RESPONSE";

    /// <summary>A line of an NPAC outbox file.</summary>
    public const string Npac = "NPAC";

    /// <summary>The partner column of NPAC rows.</summary>
    public const string NpacPartner = "npac";
}

/// <summary>
/// One file waiting in the outbox: for whom, its rows (cells in column order), and the route its channel worker
/// delivers it on (null for NPAC files, and for responses recorded before orders kept their route).
/// </summary>
public sealed record OutboxFile(string Kind, string Partner, string FileName, IReadOnlyList<long> Ids, IReadOnlyList<string[]> Rows, Delivery.DeliveryRoute? Route = null);
