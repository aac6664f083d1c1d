using Dapper;
using Integra.Gateway.Storage;

namespace Integra.Gateway.Operations;

/// <summary>Everything the store knows of orders: "where is PON X?" (or file X, or TN X) for the ordering desk.</summary>
public sealed record PonHistory(IReadOnlyList<PonHistory.Order> Orders)
{
    public sealed record Order(
        string Partner, string Kind, string Ccna, string Pon, string? LsrNo, string State, string An, string Zone, string Nnsp,
        string? FocDate, IReadOnlyList<Version> Versions, IReadOnlyList<Transition> Events, IReadOnlyList<Tn> Tns, IReadOnlyList<Activation> Activations);

    /// <summary>A version as received and decided; Evidence is JSON of the authorization fields it carried (AGAUTH, AUTHNM, DATED, D/TSENT, INITTEL, LOA).</summary>
    public sealed record Version(long Id, string Ver, string Sup, string Channel, string File, string ReceivedAt, string DecidedAt, string Outcome, string RuleId, string Codes, string Response, string Evidence);

    public sealed record Transition(string At, string State, string Cause, string Detail);

    public sealed record Tn(string Number, string Lna, string Status);

    public sealed record Activation(string Tn, string Spid, string ActivatedAt, string ImportedAt);

    public static PonHistory Read(OrderStore store, string pon, string? partner) =>
        Read(store, "pon = @pon", new { pon, partner });

    /// <summary>The orders that have a version received in a file named <paramref name="fileName"/> (its name, without folder).</summary>
    /// <remarks>Reads every version's file name: an operations look-up, not for the intake path.</remarks>
    public static PonHistory ReadFile(OrderStore store, string fileName, string? partner) =>
        Read(store, "id IN (SELECT order_id FROM versions WHERE file_name = @fileName)", new { fileName, partner });

    /// <summary>The orders with the telephone number <paramref name="tn"/> (10 digits) among their TNs.</summary>
    public static PonHistory ReadTn(OrderStore store, string tn, string? partner) =>
        Read(store, "id IN (SELECT order_id FROM order_tns WHERE tn = @tn)", new { tn, partner });

    private static PonHistory Read(OrderStore store, string selection, object parameters)
    {
        var c = store.Connection;
        var orders = c.Query<(long Id, string Partner, string Kind, string Ccna, string Pon, string? LsrNo, string State, string An, string Zone, string Nnsp, string? Foc)>(
            $"SELECT id, partner, kind, ccna, pon, lsrno, state, an, zone, nnsp, foc_date FROM orders WHERE {selection} AND (@partner IS NULL OR partner = @partner) ORDER BY partner, kind, pon",
            parameters).ToList();
        return new PonHistory(orders.Select(o => new Order(
            o.Partner, o.Kind, o.Ccna, o.Pon, o.LsrNo, o.State, o.An, o.Zone, o.Nnsp, o.Foc,
            c.Query<Version>(
                "SELECT id AS Id, ver AS Ver, sup AS Sup, channel AS Channel, file_name AS File, received_at AS ReceivedAt, decided_at AS DecidedAt, outcome AS Outcome, rule_id AS RuleId, codes AS Codes, response AS Response, evidence AS Evidence FROM versions WHERE order_id = @Id ORDER BY ver",
                new { o.Id }).ToList(),
            c.Query<Transition>("SELECT at AS At, state AS State, cause AS Cause, detail AS Detail FROM order_events WHERE order_id = @Id ORDER BY id", new { o.Id }).ToList(),
            c.Query<Tn>("SELECT tn AS Number, lna AS Lna, status AS Status FROM order_tns WHERE order_id = @Id ORDER BY seq", new { o.Id }).ToList(),
            c.Query<Activation>("SELECT tn AS Tn, spid AS Spid, activated_at AS ActivatedAt, imported_at AS ImportedAt FROM activations WHERE order_id = @Id ORDER BY id", new { o.Id }).ToList()))
            .ToList());
    }
}
