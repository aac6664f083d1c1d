using System.Text;
using System.Text.Json;
using Dapper;
using Integra.Gateway.Delivery;
using Integra.Gateway.Responses;
using Integra.Gateway.Storage.Outbox;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.Queries;

/// <summary>
/// The order store read for the portal's tracking pages (SPEC §7). Every query that can return an order takes the
/// partner it may return orders of (null only for the desk's look-up across partners), so a page can never show
/// another partner's order however its id was found. Lists are pages of a keyset over (created_at, id), newest first:
/// each page costs an index range of its own size, however deep the partner pages (never OFFSET).
/// </summary>
public sealed partial class OrderViewQueries(IUnitOfWork uow)
{
    private const string ListedColumns = """
        SELECT o.id AS Id, o.partner AS Partner, o.kind AS Kind, o.ccna AS Ccna, o.pon AS Pon, o.lsrno AS LsrNo, o.state AS State,
               o.foc_date AS FocDate, o.requested_date AS RequestedDate, o.created_at AS CreatedAt, o.updated_at AS UpdatedAt,
               COALESCE((SELECT g.channel FROM order_origins g WHERE g.order_id = o.id),
                        (SELECT v.channel FROM versions v WHERE v.order_id = o.id ORDER BY v.id DESC LIMIT 1)) AS Channel,
               (SELECT MAX(v.ver) FROM versions v WHERE v.order_id = o.id) AS LatestVer
        """;

    /// <summary>
    /// A page of orders matching <paramref name="query"/>, newest first, at most <see cref="OrderListQuery.Limit"/>
    /// of them: the ones after <see cref="OrderListQuery.After"/> when given.
    /// </summary>
    public async Task<IReadOnlyList<ListedOrder>> ListAsync(OrderListQuery query, CancellationToken cancellationToken)
    {
        // Only the conditions asked for are written: "@x IS NULL OR ..." would keep SQLite from the indexes.
        var where = new List<string>();
        var parameters = new DynamicParameters();
        void Add(string condition, string name, object value)
        {
            where.Add(condition);
            parameters.Add(name, value);
        }

        if (query.Partner is { } partner)
        {
            Add("o.partner = @partner", "partner", partner);
        }

        if (query.State is { } state)
        {
            Add("o.state = @state", "state", StoredText.Of(state));
        }

        if (query.Pon is { } pon)
        {
            // A PON prefix in any case (issue 26): partners type "acme-10" for ACME-1001..ACME-1099. UPPER and LIKE with
            // an escape character mean the same in SQLite and PostgreSQL; the partner condition keeps the scan small.
            Add(@"UPPER(o.pon) LIKE @ponPrefix ESCAPE '\'", "ponPrefix", LikePrefix(pon.ToUpperInvariant()));
        }

        if (query.Tn is { } tn)
        {
            Add("o.id IN (SELECT t.order_id FROM order_tns t WHERE t.tn = @tn)", "tn", tn);
        }

        // Instants are stored as ISO text: a bare date sorts before every instant of its day, and after every earlier one.
        if (query.From is { } from)
        {
            Add("o.created_at >= @from", "from", StoreFormats.Text(from));
        }

        if (query.Before is { } before)
        {
            Add("o.created_at < @before", "before", StoreFormats.Text(before));
        }

        if (query.After is { } after)
        {
            where.Add("(o.created_at, o.id) < (@afterAt, @afterId)");
            parameters.Add("afterAt", after.CreatedAt);
            parameters.Add("afterId", after.Id);
        }

        parameters.Add("limit", query.Limit);
        var sql = new StringBuilder(ListedColumns).Append(" FROM orders o");
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }

        sql.Append(" ORDER BY o.created_at DESC, o.id DESC LIMIT @limit");
        return (await uow.Connection.QueryAsync<ListedRow>(uow.Command(sql.ToString(), parameters, cancellationToken)).ConfigureAwait(false))
            .Select(r => r.ToListed()).ToList();
    }

    /// <summary>A LIKE pattern matching what starts with <paramref name="text"/>, its own %, _ and \ taken literally.</summary>
    private static string LikePrefix(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";

    /// <summary>The order <paramref name="id"/> when it is <paramref name="partner"/>'s (any partner's when null); else null.</summary>
    public OrderHeader? Find(string? partner, long id) =>
        uow.Connection.QuerySingleOrDefault<HeaderRow>(FindSql(partner), new { id, partner })?.ToHeader();

    /// <summary>The SQL of <see cref="Find"/> and <see cref="FindAsync"/>: the partner's condition only when there is one.</summary>
    private static string FindSql(string? partner) =>
        $"""
        {ListedColumns}, o.an AS An, o.nnsp AS Nnsp, o.standard_date AS StandardDate, o.accepted_ddd AS AcceptedDdd
        FROM orders o WHERE o.id = @id{(partner is null ? string.Empty : " AND o.partner = @partner")}
        """;

    /// <summary>
    /// The response files of <paramref name="order"/>: the answers to the request files that carried its versions,
    /// and the later answers (review, sweep, closure) recorded for it in the outbox; oldest first.
    /// </summary>
    public IReadOnlyList<ResponseFileRow> ResponseFiles(OrderHeader order)
    {
        var answers = uow.Connection.Query<FileRow>(AnswerFilesSql, AnswerFilesOf(order));
        var later = uow.Connection.Query<FileRow>(LaterFilesSql, LaterFilesOf(order));
        return Files(answers, later);
    }

    private const string AnswerFilesSql = """
        SELECT f.id AS Id, f.name AS Name, f.channel AS Channel, f.request_name AS RequestName, f.created_at AS CreatedAt, 0 AS Later
        FROM response_file_orders k JOIN response_files f ON f.id = k.file_id
        WHERE k.partner = @Partner AND k.kind = @Kind AND k.ccna = @Ccna AND k.pon = @Pon AND f.partner = @Partner
        """;

    private const string LaterFilesSql = """
        SELECT MIN(id) AS Id, file_name AS Name, channel AS Channel, NULL AS RequestName, MIN(created_at) AS CreatedAt, 1 AS Later
        FROM outbox WHERE order_id = @Id AND partner = @Partner AND kind = @kind
        GROUP BY file_name, channel, mail_to, mail_message_id
        """;

    private static object AnswerFilesOf(OrderHeader order) => new { order.Partner, Kind = StoredText.Of(order.Kind), order.Ccna, order.Pon };

    private static object LaterFilesOf(OrderHeader order) => new { order.Id, order.Partner, kind = StoredText.Of(OutboxKind.Response) };

    private static List<ResponseFileRow> Files(IEnumerable<FileRow> answers, IEnumerable<FileRow> later) =>
        answers.Concat(later).OrderBy(f => f.CreatedAt, StringComparer.Ordinal).ThenBy(f => f.Id)
            .Select(f => new ResponseFileRow(f.Id, f.Name, f.Channel is null ? null : StoredText.Channel(f.Channel), f.RequestName, StoreFormats.Instant(f.CreatedAt), f.Later != 0))
            .ToList();

    /// <summary>
    /// The rows of the response file <paramref name="fileId"/> when it answers <paramref name="order"/> (and so is its
    /// partner's); null for any other id. <paramref name="later"/> selects an outbox file (see <see cref="ResponseFileRow.Later"/>).
    /// </summary>
    public KeptResponse? Response(OrderHeader order, long fileId, bool later) =>
        later ? OutboxResponse(order, fileId) : RequestResponse(order, fileId);

    private KeptResponse? RequestResponse(OrderHeader order, long fileId)
    {
        var file = uow.Connection.QuerySingleOrDefault<(string Name, string Cells)?>(RequestResponseSql, RequestResponseOf(order, fileId));
        return RequestResponse(file);
    }

    private const string RequestResponseSql =
        """
        SELECT f.name, f.cells FROM response_files f
        JOIN response_file_orders k ON k.file_id = f.id AND k.partner = @Partner AND k.kind = @Kind AND k.ccna = @Ccna AND k.pon = @Pon
        WHERE f.id = @fileId AND f.partner = @Partner
        """;

    private static object RequestResponseOf(OrderHeader order, long fileId) => new { fileId, order.Partner, Kind = StoredText.Of(order.Kind), order.Ccna, order.Pon };

    private static KeptResponse? RequestResponse((string Name, string Cells)? file) =>
        file is { } f ? new KeptResponse(f.Name, Rows(JsonSerializer.Deserialize<string[][]>(f.Cells) ?? [])) : null;

    /// <summary>
    /// An outbox file, named by its first row: every row of the partner's file of that name on the same route, as
    /// <see cref="OutboxStore"/> groups them for delivery (a sweep's file holds the cancels of several orders).
    /// </summary>
    private KeptResponse? OutboxResponse(OrderHeader order, long rowId)
    {
        var first = uow.Connection.QuerySingleOrDefault<OutboxRow>(OutboxFirstSql, OutboxFirstOf(order, rowId));
        return first is null ? null : OutboxResponse(first, uow.Connection.Query<OutboxRow>(OutboxFileSql, OutboxFileOf(order, first)));
    }

    private const string OutboxFirstSql =
        "SELECT id AS Id, file_name AS FileName, channel AS Channel, mail_to AS MailTo, mail_message_id AS MailMessageId, cells AS Cells FROM outbox WHERE id = @rowId AND order_id = @Id AND partner = @Partner AND kind = @kind";

    private const string OutboxFileSql =
        "SELECT id AS Id, file_name AS FileName, channel AS Channel, mail_to AS MailTo, mail_message_id AS MailMessageId, cells AS Cells FROM outbox WHERE partner = @Partner AND kind = @kind AND file_name = @FileName ORDER BY id";

    private static object OutboxFirstOf(OrderHeader order, long rowId) => new { rowId, order.Id, order.Partner, kind = StoredText.Of(OutboxKind.Response) };

    private static object OutboxFileOf(OrderHeader order, OutboxRow first) => new { order.Partner, kind = StoredText.Of(OutboxKind.Response), first.FileName };

    private static KeptResponse OutboxResponse(OutboxRow first, IEnumerable<OutboxRow> named) =>
        new(
            first.FileName,
            Rows(named
                .Where(r => r.Channel == first.Channel && r.MailTo == first.MailTo && r.MailMessageId == first.MailMessageId)
                .Select(r => JsonSerializer.Deserialize<string[]>(r.Cells)!)));

    private static List<ResponseRow> Rows(IEnumerable<string[]> cells) => cells.Select(ResponseRow.FromCells).ToList();

    // The rows as Dapper reads them: the columns' stored text, typed once here.
    private class ListedRow
    {
        public long Id { get; init; }

        public string Partner { get; init; } = string.Empty;

        public string Kind { get; init; } = string.Empty;

        public string Ccna { get; init; } = string.Empty;

        public string Pon { get; init; } = string.Empty;

        public string? LsrNo { get; init; }

        public string State { get; init; } = string.Empty;

        public string? FocDate { get; init; }

        public string? RequestedDate { get; init; }

        public string CreatedAt { get; init; } = string.Empty;

        public string UpdatedAt { get; init; } = string.Empty;

        public string? Channel { get; init; }

        public string? LatestVer { get; init; }

        public ListedOrder ToListed() => new()
        {
            Id = Id, Partner = Partner, Kind = StoredText.OrderKind(Kind), Ccna = Ccna, Pon = Pon, LsrNo = LsrNo, State = StoredText.OrderState(State),
            FocDate = StoreFormats.Date(FocDate), RequestedDate = StoreFormats.Date(RequestedDate), CreatedAt = StoreFormats.Instant(CreatedAt),
            UpdatedAt = StoreFormats.Instant(UpdatedAt), Channel = Channel is null ? null : StoredText.Channel(Channel), LatestVer = LatestVer,
            Cursor = new(CreatedAt, Id),
        };
    }

    private sealed class HeaderRow : ListedRow
    {
        public string An { get; init; } = string.Empty;

        public string Nnsp { get; init; } = string.Empty;

        public string? StandardDate { get; init; }

        public string? AcceptedDdd { get; init; }

        public OrderHeader ToHeader() => new()
        {
            Id = Id, Partner = Partner, Kind = StoredText.OrderKind(Kind), Ccna = Ccna, Pon = Pon, LsrNo = LsrNo, State = StoredText.OrderState(State),
            FocDate = StoreFormats.Date(FocDate), RequestedDate = StoreFormats.Date(RequestedDate), CreatedAt = StoreFormats.Instant(CreatedAt),
            UpdatedAt = StoreFormats.Instant(UpdatedAt), Channel = Channel is null ? null : StoredText.Channel(Channel), LatestVer = LatestVer,
            Cursor = new(CreatedAt, Id), An = An, Nnsp = Nnsp, StandardDate = StoreFormats.Date(StandardDate), AcceptedDdd = StoreFormats.Date(AcceptedDdd),
        };
    }

    private sealed class FileRow
    {
        public long Id { get; init; }

        public string Name { get; init; } = string.Empty;

        public string? Channel { get; init; }

        public string? RequestName { get; init; }

        public string CreatedAt { get; init; } = string.Empty;

        public long Later { get; init; }
    }

    private sealed class OutboxRow
    {
        public long Id { get; init; }

        public string FileName { get; init; } = string.Empty;

        public string? Channel { get; init; }

        public string? MailTo { get; init; }

        public string? MailMessageId { get; init; }

        public string Cells { get; init; } = string.Empty;
    }
}

/// <summary>The <see cref="OrderViewQueries"/> of a unit of work.</summary>
public static class OrderViewQueriesAccess
{
    extension(IUnitOfWork uow)
    {
        /// <summary>The portal's tracking pages' reads.</summary>
        public OrderViewQueries OrderViews => uow.Store(static u => new OrderViewQueries(u));
    }
}
