using Dapper;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using NodaTime;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.Queries;

/// <summary>
/// The history of a PON (<c>show</c>), its audit export and evidence package: orders, versions, events, TNs,
/// activations and documents as stored. Instants, dates, states, kinds and channels are typed; only the SQL mapping here reads their stored text.
/// </summary>
public sealed partial class HistoryQueries(IUnitOfWork uow)
{
    // The SQL the sync and the async reads share (HistoryQueries.Async.cs), so the two never differ.
    private const string VersionsSql = "SELECT id AS Id, ver AS Ver, sup AS Sup, channel AS Channel, file_name AS File, received_at AS ReceivedAt, decided_at AS DecidedAt, outcome AS Outcome, rule_id AS RuleId, codes AS Codes, response AS Response, evidence AS Evidence FROM versions WHERE order_id = @Id ORDER BY ver";

    private const string EventsSql = "SELECT at AS At, state AS State, cause AS Cause, detail AS Detail FROM order_events WHERE order_id = @Id ORDER BY id";

    private const string TnsSql = "SELECT tn AS Number, lna AS Lna, status AS Status FROM order_tns WHERE order_id = @Id ORDER BY seq";

    private const string ActivationsSql = "SELECT tn AS Tn, spid AS Spid, activated_at AS ActivatedAt, imported_at AS ImportedAt FROM activations WHERE order_id = @Id ORDER BY id";

    /// <summary>A document (LOA) kept with a version, byte for byte.</summary>
    public sealed record DocumentRow(string Name, string Sha256, byte[] Content);

    /// <summary>An order as the history shows it.</summary>
    public sealed record HistoryOrder(long Id, string Partner, OrderKind Kind, string Ccna, string Pon, string? LsrNo, OrderState State, string An, string Zone, string Nnsp, LocalDate? FocDate);

    /// <summary>A version as received and decided; Evidence is JSON of the authorization fields it carried.</summary>
    public sealed record HistoryVersion(long Id, string Ver, string Sup, Channel Channel, string File, Instant ReceivedAt, Instant DecidedAt, ResponseType Outcome, string RuleId, string Codes, string Response, string Evidence);

    /// <summary>A change of an order's state.</summary>
    public sealed record HistoryEvent(Instant At, OrderState State, string Cause, string Detail);

    /// <summary>A TN of an order.</summary>
    public sealed record HistoryTn(string Number, Lna Lna, OrderTnStatus Status);

    /// <summary>An NPAC activation imported for an order.</summary>
    public sealed record HistoryActivation(string Tn, string Spid, Instant ActivatedAt, Instant ImportedAt);

    /// <summary>The documents kept with the version <paramref name="versionId"/>, in the order they were kept.</summary>
    public IReadOnlyList<DocumentRow> Documents(long versionId) =>
        uow.Connection.Query<(string Name, string Sha256, byte[] Content)>(DocumentsSql, new { Id = versionId })
            .Select(r => new DocumentRow(r.Name, r.Sha256, r.Content)).ToList();

    private const string DocumentsSql = "SELECT name, sha256, content FROM documents WHERE version_id = @Id ORDER BY id";

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
        uow.Connection.Query<VersionRow>(
            VersionsSql,
            new { Id = orderId })
            .Select(Of).ToList();

    /// <summary>The order's changes of state, in the order they happened.</summary>
    public IReadOnlyList<HistoryEvent> HistoryEvents(long orderId) =>
        uow.Connection.Query<(string At, string State, string Cause, string Detail)>(EventsSql, new { Id = orderId })
            .Select(EventOf).ToList();

    /// <summary>The order's TNs in the order of the request.</summary>
    public IReadOnlyList<HistoryTn> HistoryTns(long orderId) =>
        uow.Connection.Query<(string Number, string Lna, string Status)>(TnsSql, new { Id = orderId })
            .Select(Of).ToList();

    /// <summary>The activations imported for the order, in the order they were imported.</summary>
    public IReadOnlyList<HistoryActivation> HistoryActivations(long orderId) =>
        uow.Connection.Query<(string Tn, string Spid, string ActivatedAt, string ImportedAt)>(ActivationsSql, new { Id = orderId })
            .Select(ActivationOf).ToList();

    private List<HistoryOrder> HistoryOrders(string selection, object parameters) =>
        uow.Connection.Query<(long Id, string Partner, string Kind, string Ccna, string Pon, string? LsrNo, string State, string An, string Zone, string Nnsp, string? Foc)>(
            $"SELECT id, partner, kind, ccna, pon, lsrno, state, an, zone, nnsp, foc_date FROM orders WHERE {selection} AND (@partner IS NULL OR partner = @partner) ORDER BY partner, kind, pon",
            parameters)
            .Select(o => new HistoryOrder(
                o.Id, o.Partner, StoredText.OrderKind(o.Kind), o.Ccna, o.Pon, o.LsrNo, StoredText.OrderState(o.State), o.An, o.Zone, o.Nnsp, StoreFormats.Date(o.Foc)))
            .ToList();

    private static HistoryVersion Of(VersionRow v) => new(
        v.Id, v.Ver, v.Sup, StoredText.Channel(v.Channel), v.File, StoreFormats.Instant(v.ReceivedAt), StoreFormats.Instant(v.DecidedAt),
        StoredText.ResponseType(v.Outcome), v.RuleId, v.Codes, v.Response, v.Evidence);

    private static HistoryEvent EventOf((string At, string State, string Cause, string Detail) e) =>
        new(StoreFormats.Instant(e.At), StoredText.OrderState(e.State), e.Cause, e.Detail);

    private static HistoryTn Of((string Number, string Lna, string Status) t) =>
        new(t.Number, StoredText.Lna(t.Lna), StoredText.OrderTnStatus(t.Status));

    private static HistoryActivation ActivationOf((string Tn, string Spid, string ActivatedAt, string ImportedAt) a) =>
        new(a.Tn, a.Spid, StoreFormats.Instant(a.ActivatedAt), StoreFormats.Instant(a.ImportedAt));

    // Tuples and rows as the columns are stored (text); the records above carry the types.
    private sealed record VersionRow(long Id, string Ver, string Sup, string Channel, string File, string ReceivedAt, string DecidedAt, string Outcome, string RuleId, string Codes, string Response, string Evidence);
}

/// <summary>The <see cref="HistoryQueries"/> of a unit of work.</summary>
public static class HistoryQueriesAccess
{
    extension(IUnitOfWork uow)
    {
        /// <summary>The history of orders as stored (<c>show</c>, audit, evidence).</summary>
        public HistoryQueries History => uow.Store(static u => new HistoryQueries(u));
    }
}
