using Dapper;
using NodaTime;

using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.Webhooks;

/// <summary>The tables the webhook feed tails, each with a cursor of its own in <c>webhook_cursors</c>.</summary>
public enum WebhookSource
{
    /// <summary>The response file of each decided request file, on any channel (issue 17).</summary>
    ResponseFiles,

    /// <summary>Later answers waiting for or delivered by their channel: review FOC, expiry and closure CAN rows.</summary>
    Outbox,

    /// <summary>Order history: activation (COMPLETE), expiry, closure, cancel.</summary>
    OrderEvents,

    /// <summary>The desk's evidence requests (issue 27).</summary>
    EvidenceRequests,
}

/// <summary>
/// Where the feed stands in one tailed table: the last row taken, and on PostgreSQL its writer's transaction id
/// (0 on SQLite, whose ids are commit order).
/// </summary>
public readonly record struct FeedPosition(long Tx, long Id);

/// <summary>A response file as kept (<see cref="ResponseFiles.ResponseFileStore"/>): its rows are the cells of the contract's columns, as JSON.</summary>
public sealed record KeptResponseFile(FeedPosition At, long Id, string Partner, string Channel, string? Kind, string CreatedAt, string Cells);

/// <summary>One outbox row, with the order it is for; <c>Wanted</c> when it is a later answer (kind RESPONSE), not an NPAC line.</summary>
public sealed record OutboxAnswerRow(FeedPosition At, bool Wanted, long Id, string Partner, string FileName, string Cells, string CreatedAt, long? OrderId, string? Kind, string? Ccna, string? Pon);

/// <summary>One order history row with its order; <c>Wanted</c> when it is of an LSR order entering a state the feed reports.</summary>
public sealed record OrderEventRow(FeedPosition At, bool Wanted, long Id, string Partner, string Kind, string Ccna, string Pon, string? LsrNo, string? Ver, string State, string Cause, string Detail, string OccurredAt);

/// <summary>One evidence request as opened, with its order's CCNA.</summary>
public sealed record EvidenceRequestRow(FeedPosition At, long Id, string Partner, string Kind, string? Ccna, string Pon, string Reason, string Tns, string DueDate, string OpenedAt);

/// <summary>An event to record, with the exact body every delivery of it sends.</summary>
public sealed record NewWebhookEvent(string Id, string Partner, string Type, string Pon, Instant OccurredAt, string Body);

/// <summary>
/// The webhook feed's SQL: it reads what the order store already records, after a cursor per table, and records
/// webhook events and their deliveries (one per enabled endpoint of the event's partner) in the caller's unit of work,
/// together with the cursor's advance, so each row becomes its events exactly once. The caller takes the feed's lock
/// first (<see cref="LockAsync"/>): two instances never read the same rows at once.
/// <para>
/// PostgreSQL hands out ids when rows are written, not when they commit: a row with a lower id can become visible
/// after one with a higher id, and a cursor by id would step over it for good. There each tailed table records
/// its writer's transaction id (<c>tx</c>, xid8), and the feed reads only rows written by transactions older than
/// every transaction still running (<c>pg_snapshot_xmin</c>), in (transaction, id) order: no row can appear behind
/// that cursor later. SQLite lets one writer in at a time, so its ids are commit order.
/// </para>
/// </summary>
public sealed class WebhookFeedStore(IUnitOfWork uow)
{
    private bool Postgres => uow.Provider == StoreProvider.Postgres;

    /// <summary>Excludes every other feed pass (in any instance) until the caller's unit of work ends.</summary>
    public Task LockAsync(CancellationToken cancellationToken) => uow.LockAsync("webhooks:feed", cancellationToken);

    public async Task<IReadOnlyDictionary<WebhookSource, FeedPosition>> CursorsAsync(CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<(string Source, long LastId, long LastTx)>(uow.Command("SELECT source, last_id, last_tx FROM webhook_cursors", null, cancellationToken)).ConfigureAwait(false))
            .ToDictionary(r => SourceOf(r.Source), r => new FeedPosition(r.LastTx, r.LastId));

    public Task AdvanceAsync(WebhookSource source, FeedPosition to, CancellationToken cancellationToken) =>
        uow.Connection.ExecuteAsync(uow.Command(
            "UPDATE webhook_cursors SET last_id = @Id, last_tx = @Tx WHERE source = @source",
            new { to.Id, to.Tx, source = TableOf(source) },
            cancellationToken));

    public Task<List<KeptResponseFile>> ResponseFilesAsync(FeedPosition after, int limit, CancellationToken cancellationToken) =>
        ReadAsync<KeptResponseFile, ResponseFileRowData>(
            "f",
            """
            f.id AS Id, f.partner AS Partner, f.channel AS Channel,
            (SELECT MIN(k.kind) FROM response_file_orders k WHERE k.file_id = f.id) AS Kind, f.created_at AS CreatedAt, f.cells AS Cells
            """,
            "response_files f",
            "1 = 1",
            after,
            limit,
            (at, d) => new KeptResponseFile(at, d.Id, d.Partner, d.Channel, d.Kind, d.CreatedAt, d.Cells),
            cancellationToken);

    public Task<List<OutboxAnswerRow>> OutboxAnswersAsync(FeedPosition after, int limit, CancellationToken cancellationToken) =>
        ReadAsync<OutboxAnswerRow, OutboxRowData>(
            "b",
            """
            b.id AS Id, b.partner AS Partner, b.file_name AS FileName, b.cells AS Cells, b.created_at AS CreatedAt, b.order_id AS OrderId,
            o.kind AS Kind, o.ccna AS Ccna, o.pon AS Pon
            """,
            "outbox b LEFT JOIN orders o ON o.id = b.order_id",
            "b.kind = 'RESPONSE'",
            after,
            limit,
            (at, d) => new OutboxAnswerRow(at, d.Wanted != 0, d.Id, d.Partner, d.FileName, d.Cells, d.CreatedAt, d.OrderId, d.Kind, d.Ccna, d.Pon),
            cancellationToken);

    /// <summary>History rows; the wanted ones are of LSR orders entering a state that no answer row of a request file tells: activation, expiry, closure, cancel.</summary>
    public Task<List<OrderEventRow>> OrderEventsAsync(FeedPosition after, int limit, CancellationToken cancellationToken) =>
        ReadAsync<OrderEventRow, OrderEventData>(
            "e",
            """
            e.id AS Id, o.partner AS Partner, o.kind AS Kind, o.ccna AS Ccna, o.pon AS Pon, o.lsrno AS LsrNo,
            (SELECT MAX(v.ver) FROM versions v WHERE v.order_id = o.id) AS Ver, e.state AS State, e.cause AS Cause, e.detail AS Detail, e.at AS OccurredAt
            """,
            "order_events e JOIN orders o ON o.id = e.order_id",
            "o.kind = 'LSR' AND e.state IN ('Complete', 'Expired', 'Closed', 'Canceled')",
            after,
            limit,
            (at, d) => new OrderEventRow(at, d.Wanted != 0, d.Id, d.Partner, d.Kind, d.Ccna, d.Pon, d.LsrNo, d.Ver, d.State, d.Cause, d.Detail, d.OccurredAt),
            cancellationToken);

    public Task<List<EvidenceRequestRow>> EvidenceRequestsAsync(FeedPosition after, int limit, CancellationToken cancellationToken) =>
        ReadAsync<EvidenceRequestRow, EvidenceData>(
            "r",
            """
            r.id AS Id, r.partner AS Partner, r.kind AS Kind, o.ccna AS Ccna, r.pon AS Pon, r.reason AS Reason, r.tns AS Tns,
            r.due_date AS DueDate, r.opened_at AS OpenedAt
            """,
            "evidence_requests r LEFT JOIN orders o ON o.id = r.order_id",
            "1 = 1",
            after,
            limit,
            (at, d) => new EvidenceRequestRow(at, d.Id, d.Partner, d.Kind, d.Ccna, d.Pon, d.Reason, d.Tns, d.DueDate, d.OpenedAt),
            cancellationToken);

    /// <summary>Whether any tailed table has a row after its cursor (that the feed may read now).</summary>
    public async Task<bool> AnythingAfterAsync(IReadOnlyDictionary<WebhookSource, FeedPosition> cursors, CancellationToken cancellationToken) =>
        (await ResponseFilesAsync(cursors[WebhookSource.ResponseFiles], 1, cancellationToken).ConfigureAwait(false)).Count > 0
        || (await OutboxAnswersAsync(cursors[WebhookSource.Outbox], 1, cancellationToken).ConfigureAwait(false)).Count > 0
        || (await OrderEventsAsync(cursors[WebhookSource.OrderEvents], 1, cancellationToken).ConfigureAwait(false)).Count > 0
        || (await EvidenceRequestsAsync(cursors[WebhookSource.EvidenceRequests], 1, cancellationToken).ConfigureAwait(false)).Count > 0;

    /// <summary>The enabled endpoints of every partner that has one: partner → endpoint ids.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<long>>> EnabledEndpointsAsync(CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<(long Id, string Partner)>(uow.Command(
                "SELECT id, partner FROM webhook_endpoints WHERE enabled = 1 AND deleted_at IS NULL ORDER BY id",
                null,
                cancellationToken)).ConfigureAwait(false))
            .GroupBy(e => e.Partner, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(e => e.Id).ToList(), StringComparer.Ordinal);

    /// <summary>
    /// Records the events of partners with an enabled endpoint, and a delivery due now per event and endpoint; an event
    /// recorded already (its id is stable) is kept as it is. Returns the deliveries added.
    /// </summary>
    public async Task<int> EnqueueAsync(IReadOnlyList<NewWebhookEvent> events, IReadOnlyDictionary<string, IReadOnlyList<long>> endpoints, Instant now, CancellationToken cancellationToken)
    {
        var at = StoreFormats.Text(now);
        var added = 0;
        foreach (var e in events)
        {
            if (!endpoints.TryGetValue(e.Partner, out var targets))
            {
                continue;
            }

            await uow.Connection.ExecuteAsync(uow.Command(
                """
                INSERT INTO webhook_events (id, partner, type, pon, occurred_at, body, recorded_at)
                VALUES (@Id, @Partner, @Type, @Pon, @occurredAt, @Body, @at) ON CONFLICT (id) DO NOTHING
                """,
                new { e.Id, e.Partner, e.Type, e.Pon, occurredAt = StoreFormats.Text(e.OccurredAt), e.Body, at },
                cancellationToken)).ConfigureAwait(false);
            added += await uow.Connection.ExecuteAsync(uow.Command(
                """
                INSERT INTO webhook_deliveries (event_id, endpoint_id, partner, state, attempts, retry_from, next_at)
                VALUES (@eventId, @endpointId, @partner, 'Pending', 0, @at, @at) ON CONFLICT (event_id, endpoint_id) DO NOTHING
                """,
                targets.Select(endpointId => new { eventId = e.Id, endpointId, partner = e.Partner, at }),
                cancellationToken)).ConfigureAwait(false);
        }

        return added;
    }

    /// <summary>
    /// Rows of one tailed table after <paramref name="after"/>, in cursor order, each marked whether it is
    /// <paramref name="wanted"/>: the cursor moves over every row, so rows no event comes from are read once, not at
    /// every pass. The table's alias is <paramref name="alias"/>. Every text here is a constant of this class.
    /// </summary>
    private async Task<List<TRow>> ReadAsync<TRow, TData>(string alias, string columns, string from, string wanted, FeedPosition after, int limit, Func<FeedPosition, TData, TRow> make, CancellationToken cancellationToken)
        where TData : IFeedData
    {
        var sql = Postgres
            ? $"""
               SELECT CAST(CAST({alias}.tx AS text) AS bigint) AS Tx, CASE WHEN {wanted} THEN 1 ELSE 0 END AS Wanted, {columns} FROM {from}
               WHERE ({alias}.tx, {alias}.id) > (CAST(CAST(@Tx AS text) AS xid8), @Id) AND {alias}.tx < pg_snapshot_xmin(pg_current_snapshot())
               ORDER BY {alias}.tx, {alias}.id LIMIT @limit
               """
            : $"SELECT 0 AS Tx, CASE WHEN {wanted} THEN 1 ELSE 0 END AS Wanted, {columns} FROM {from} WHERE {alias}.id > @Id ORDER BY {alias}.id LIMIT @limit";
        return (await uow.Connection.QueryAsync<TData>(uow.Command(sql, new { after.Tx, after.Id, limit }, cancellationToken)).ConfigureAwait(false))
            .Select(d => make(new FeedPosition(d.Tx, d.Id), d))
            .ToList();
    }

    private static readonly (WebhookSource Source, string Table)[] Tables =
    [
        (WebhookSource.ResponseFiles, "response_files"),
        (WebhookSource.Outbox, "outbox"),
        (WebhookSource.OrderEvents, "order_events"),
        (WebhookSource.EvidenceRequests, "evidence_requests"),
    ];

    private static string TableOf(WebhookSource source) => Tables.Single(t => t.Source == source).Table;

    private static WebhookSource SourceOf(string table) => Tables.Single(t => t.Table == table).Source;

    // Classes with setters, not positional records: on an empty result SQLite reports an expression column (Tx, Wanted,
    // a subquery) as a blob, and Dapper refuses a constructor whose types do not match; setters are only called per row.
    private interface IFeedData
    {
        long Tx { get; }

        long Wanted { get; }

        long Id { get; }
    }

    private sealed class ResponseFileRowData : IFeedData
    {
        public long Tx { get; init; }

        public long Wanted { get; init; }

        public long Id { get; init; }

        public string Partner { get; init; } = string.Empty;

        public string Channel { get; init; } = string.Empty;

        public string? Kind { get; init; }

        public string CreatedAt { get; init; } = string.Empty;

        public string Cells { get; init; } = string.Empty;
    }

    private sealed class OutboxRowData : IFeedData
    {
        public long Tx { get; init; }

        public long Wanted { get; init; }

        public long Id { get; init; }

        public string Partner { get; init; } = string.Empty;

        public string FileName { get; init; } = string.Empty;

        public string Cells { get; init; } = string.Empty;

        public string CreatedAt { get; init; } = string.Empty;

        public long? OrderId { get; init; }

        public string? Kind { get; init; }

        public string? Ccna { get; init; }

        public string? Pon { get; init; }
    }

    private sealed class OrderEventData : IFeedData
    {
        public long Tx { get; init; }

        public long Wanted { get; init; }

        public long Id { get; init; }

        public string Partner { get; init; } = string.Empty;

        public string Kind { get; init; } = string.Empty;

        public string Ccna { get; init; } = string.Empty;

        public string Pon { get; init; } = string.Empty;

        public string? LsrNo { get; init; }

        public string? Ver { get; init; }

        public string State { get; init; } = string.Empty;

        public string Cause { get; init; } = string.Empty;

        public string Detail { get; init; } = string.Empty;

        public string OccurredAt { get; init; } = string.Empty;
    }

    private sealed class EvidenceData : IFeedData
    {
        public long Tx { get; init; }

        public long Wanted { get; init; }

        public long Id { get; init; }

        public string Partner { get; init; } = string.Empty;

        public string Kind { get; init; } = string.Empty;

        public string? Ccna { get; init; }

        public string Pon { get; init; } = string.Empty;

        public string Reason { get; init; } = string.Empty;

        public string Tns { get; init; } = string.Empty;

        public string DueDate { get; init; } = string.Empty;

        public string OpenedAt { get; init; } = string.Empty;
    }
}

/// <summary>The <see cref="WebhookFeedStore"/> of a unit of work.</summary>
public static class WebhookFeedStoreAccess
{
    extension(IUnitOfWork uow)
    {
        public WebhookFeedStore WebhookFeed => uow.Store(static u => new WebhookFeedStore(u));
    }
}
