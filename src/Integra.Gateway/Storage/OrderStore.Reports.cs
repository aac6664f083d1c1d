using Dapper;
using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Storage;

/// <summary>
/// What the operations reports read on the store's own connection: <c>status</c>, the CSR SLA watch, the history of a
/// PON (<c>show</c>) and its audit export. Instants are store text (<see cref="StoreFormats"/>).
/// </summary>
public sealed partial class OrderStore
{
    /// <summary>A channel's last successful poll and its last error; null when never.</summary>
    public sealed record PollRow(string Partner, string Channel, string? LastOk, string? LastError, string? LastErrorAt);

    /// <summary>A count per partner and channel.</summary>
    public sealed record ChannelCount(string Partner, string Channel, long Count);

    /// <summary>A count of orders per kind and state.</summary>
    public sealed record StateCount(string Kind, string State, long Count);

    /// <summary>An LSR order in PND X01; <see cref="UpdatedAt"/> is when it went there.</summary>
    public sealed record ReviewRow(string Partner, string Pon, string? Ver, string? RequestedDate, string? StandardDate, string UpdatedAt);

    /// <summary>CSR requests received since a time, and how many of them were answered within a day.</summary>
    public sealed record CsrAnswers(long Received, long OnTime);

    /// <summary>The record of an expiry sweep.</summary>
    public sealed record SweepRow(long Id, string AsOf, string RunAt, long Expired, long Cancels);

    /// <summary>A file listed in a drop or mailbox and not yet answered, with when it was first seen.</summary>
    public sealed record SightingRow(string Partner, string Channel, string Path, string FirstSeen);

    /// <summary>A document (LOA) kept with a version, byte for byte.</summary>
    public sealed record DocumentRow(string Name, string Sha256, byte[] Content);

    /// <summary>An order as the history shows it.</summary>
    public sealed record HistoryOrder(long Id, string Partner, string Kind, string Ccna, string Pon, string? LsrNo, string State, string An, string Zone, string Nnsp, string? FocDate);

    /// <summary>A version as received and decided; Evidence is JSON of the authorization fields it carried.</summary>
    public sealed record HistoryVersion(long Id, string Ver, string Sup, string Channel, string File, string ReceivedAt, string DecidedAt, string Outcome, string RuleId, string Codes, string Response, string Evidence);

    /// <summary>A change of an order's state.</summary>
    public sealed record HistoryEvent(string At, string State, string Cause, string Detail);

    /// <summary>A TN of an order.</summary>
    public sealed record HistoryTn(string Number, string Lna, string Status);

    /// <summary>An NPAC activation imported for an order.</summary>
    public sealed record HistoryActivation(string Tn, string Spid, string ActivatedAt, string ImportedAt);

    // Tuples first, records after: an aggregate column of SQLite has no declared type, which Dapper's record mapping refuses.

    /// <summary>Every channel that ever polled, by partner and channel.</summary>
    public IReadOnlyList<PollRow> ChannelPollRows() =>
        Live.Query<(string Partner, string Channel, string? Ok, string? Error, string? ErrorAt)>(
            "SELECT partner, channel, last_ok, last_error, last_error_at FROM channel_polls ORDER BY partner, channel")
            .Select(r => new PollRow(r.Partner, r.Channel, r.Ok, r.Error, r.ErrorAt)).ToList();

    /// <summary>Files listed in a drop or mailbox and not yet answered, per partner and channel.</summary>
    public IReadOnlyList<ChannelCount> SightingsByChannel() =>
        Live.Query<(string Partner, string Channel, long Count)>(
            "SELECT partner, channel, COUNT(*) FROM intake_sightings GROUP BY partner, channel")
            .Select(r => new ChannelCount(r.Partner, r.Channel, r.Count)).ToList();

    /// <summary>Files rejected whole and first seen at or after <paramref name="since"/> (store text), per partner and channel.</summary>
    public IReadOnlyList<ChannelCount> RejectedFilesByChannel(string since) =>
        Live.Query<(string Partner, string Channel, long Count)>(
            "SELECT partner, channel, COUNT(*) FROM intake_files WHERE file_rejected = 1 AND first_seen >= @since30 GROUP BY partner, channel",
            new { since30 = since })
            .Select(r => new ChannelCount(r.Partner, r.Channel, r.Count)).ToList();

    /// <summary>Orders per kind and state.</summary>
    public IReadOnlyList<StateCount> OrdersByKindAndState() =>
        Live.Query<(string Kind, string State, long Count)>("SELECT kind, state, COUNT(*) FROM orders GROUP BY kind, state")
            .Select(r => new StateCount(r.Kind, r.State, r.Count)).ToList();

    /// <summary>Orders in PND X01, oldest first.</summary>
    public IReadOnlyList<ReviewRow> PendingReviewRows() =>
        Live.Query<(string Partner, string Pon, string? Ver, string? Requested, string? Standard, string Updated)>(
            "SELECT partner, pon, pending_ver, requested_date, standard_date, updated_at FROM orders WHERE state = @state ORDER BY updated_at",
            new { state = StoredText.Of(OrderState.PendingReview) })
            .Select(r => new ReviewRow(r.Partner, r.Pon, r.Ver, r.Requested, r.Standard, r.Updated)).ToList();

    /// <summary>CSR versions received at or after <paramref name="since"/> (store text), and of those the ones decided within a day.</summary>
    public CsrAnswers CsrAnswersSince(string since)
    {
        var csr = Live.QuerySingle<(long Received, long OnTime)>(
            $"""
            SELECT COUNT(*), COALESCE(SUM(CASE WHEN {Dialect.DaysBetween("v.decided_at", "v.received_at")} <= 1.0 THEN 1 ELSE 0 END), 0)
            FROM versions v JOIN orders o ON o.id = v.order_id
            WHERE o.kind = @csr AND v.received_at >= @since30
            """,
            new { since30 = since, csr = StoredText.Of(OrderKind.Csr) });
        return new CsrAnswers(csr.Received, csr.OnTime);
    }

    /// <summary>The last expiry sweep; null when none has run.</summary>
    public SweepRow? LastSweep()
    {
        var sweep = Live.QueryFirstOrDefault<(long Id, string AsOf, string RunAt, long Expired, long Cancels)?>(
            "SELECT id, as_of, run_at, expired, cancels FROM sweeps ORDER BY id DESC LIMIT 1");
        return sweep is { } s ? new SweepRow(s.Id, s.AsOf, s.RunAt, s.Expired, s.Cancels) : null;
    }

    /// <summary>CSR files listed in a drop and not yet answered (still sighted), oldest first.</summary>
    public IReadOnlyList<SightingRow> WaitingCsrSightings() =>
        Live.Query<(string Partner, string Channel, string Path, string FirstSeen)>(
            "SELECT partner, channel, path, first_seen FROM intake_sightings WHERE lower(path) LIKE '%.csr.csv' ORDER BY first_seen")
            .Select(r => new SightingRow(r.Partner, r.Channel, r.Path, r.FirstSeen)).ToList();

    /// <summary>The documents kept with the version <paramref name="versionId"/>, in the order they were kept.</summary>
    public IReadOnlyList<DocumentRow> Documents(long versionId) =>
        Live.Query<(string Name, string Sha256, byte[] Content)>(
            "SELECT name, sha256, content FROM documents WHERE version_id = @Id ORDER BY id", new { Id = versionId })
            .Select(r => new DocumentRow(r.Name, r.Sha256, r.Content)).ToList();

    /// <summary>The orders of the PON <paramref name="pon"/>, of <paramref name="partner"/> or of every partner when null.</summary>
    public IReadOnlyList<HistoryOrder> HistoryOrdersOfPon(string pon, string? partner) =>
        HistoryOrders("pon = @pon", new { pon, partner });

    /// <summary>The orders with a version received in a file named <paramref name="fileName"/> (its name, without folder).</summary>
    /// <remarks>Reads every version's file name: an operations look-up, not for the intake path.</remarks>
    public IReadOnlyList<HistoryOrder> HistoryOrdersOfFile(string fileName, string? partner) =>
        HistoryOrders("id IN (SELECT order_id FROM versions WHERE file_name = @fileName)", new { fileName, partner });

    /// <summary>The orders with the telephone number <paramref name="tn"/> (10 digits) among their TNs.</summary>
    public IReadOnlyList<HistoryOrder> HistoryOrdersOfTn(string tn, string? partner) =>
        HistoryOrders("id IN (SELECT order_id FROM order_tns WHERE tn = @tn)", new { tn, partner });

    /// <summary>The order's versions by VER.</summary>
    public IReadOnlyList<HistoryVersion> HistoryVersions(long orderId) =>
        Live.Query<HistoryVersion>(
            "SELECT id AS Id, ver AS Ver, sup AS Sup, channel AS Channel, file_name AS File, received_at AS ReceivedAt, decided_at AS DecidedAt, outcome AS Outcome, rule_id AS RuleId, codes AS Codes, response AS Response, evidence AS Evidence FROM versions WHERE order_id = @Id ORDER BY ver",
            new { Id = orderId }).ToList();

    /// <summary>The order's changes of state, in the order they happened.</summary>
    public IReadOnlyList<HistoryEvent> HistoryEvents(long orderId) =>
        Live.Query<HistoryEvent>("SELECT at AS At, state AS State, cause AS Cause, detail AS Detail FROM order_events WHERE order_id = @Id ORDER BY id", new { Id = orderId }).ToList();

    /// <summary>The order's TNs in the order of the request.</summary>
    public IReadOnlyList<HistoryTn> HistoryTns(long orderId) =>
        Live.Query<HistoryTn>("SELECT tn AS Number, lna AS Lna, status AS Status FROM order_tns WHERE order_id = @Id ORDER BY seq", new { Id = orderId }).ToList();

    /// <summary>The activations imported for the order, in the order they were imported.</summary>
    public IReadOnlyList<HistoryActivation> HistoryActivations(long orderId) =>
        Live.Query<HistoryActivation>("SELECT tn AS Tn, spid AS Spid, activated_at AS ActivatedAt, imported_at AS ImportedAt FROM activations WHERE order_id = @Id ORDER BY id", new { Id = orderId }).ToList();

    private List<HistoryOrder> HistoryOrders(string selection, object parameters) =>
        Live.Query<(long Id, string Partner, string Kind, string Ccna, string Pon, string? LsrNo, string State, string An, string Zone, string Nnsp, string? Foc)>(
            $"SELECT id, partner, kind, ccna, pon, lsrno, state, an, zone, nnsp, foc_date FROM orders WHERE {selection} AND (@partner IS NULL OR partner = @partner) ORDER BY partner, kind, pon",
            parameters)
            .Select(o => new HistoryOrder(o.Id, o.Partner, o.Kind, o.Ccna, o.Pon, o.LsrNo, o.State, o.An, o.Zone, o.Nnsp, o.Foc)).ToList();
}
