using Dapper;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.Storage.Orders;

/// <summary>
/// The orders aggregate: every request's order, its versions with their decisions and responses, its TNs, its history
/// of events and LSR numbers, on one unit of work (<see cref="IUnitOfWork"/>, reached as <c>uow.Orders</c>). A batch of
/// changes (one request file) is one transaction, so a crash leaves either all of a file's decisions or none.
/// </summary>
public sealed partial class OrderStore(IUnitOfWork uow) : IUnitOfWorkScoped, IDisposable
{
    private readonly IUnitOfWork _uow = uow;
    private readonly StoredJson _json = new();

    /// <summary>
    /// Orders created in the current unit of work whose TNs were never written: the first <see cref="ReplaceTnsAsync"/>
    /// of such an order has nothing to delete, and skips the statement (one of the few per request of a large file).
    /// </summary>
    private readonly HashSet<long> _newWithoutTns = [];

    public async ValueTask<StoredOrder?> FindOrderAsync(string partner, OrderKind kind, string ccna, string pon, CancellationToken cancellationToken) =>
        KnownAbsent(partner, kind, ccna, pon)
            ? null
            : await _uow.Statements.FirstAsync(OrderRows.Columns + " WHERE partner = @partner AND kind = @kind AND ccna = @ccna AND pon = @pon", OrderRows.Read, [("@partner", partner), ("@kind", StoredText.Of(kind)), ("@ccna", ccna), ("@pon", pon)], cancellationToken);

    public StoredOrder? FindOrder(long id) => QueryOrders("WHERE id = @id", ("@id", id)).SingleOrDefault();

    /// <inheritdoc cref="FindOrder(long)"/>
    public async ValueTask<StoredOrder?> FindOrderAsync(long id, CancellationToken cancellationToken) =>
        (await OrderRows.QueryAsync(_uow, "WHERE id = @id", [("@id", id)], cancellationToken)).SingleOrDefault();

    /// <summary>Orders of a partner with this PON, any CCNA (for review, where the operator knows only the PON).</summary>
    public IReadOnlyList<StoredOrder> FindOrdersByPon(string partner, OrderKind kind, string pon) =>
        QueryOrders("WHERE partner = @partner AND kind = @kind AND pon = @pon", ("@partner", partner), ("@kind", StoredText.Of(kind)), ("@pon", pon));

    /// <inheritdoc cref="FindOrdersByPon"/>
    public async ValueTask<IReadOnlyList<StoredOrder>> FindOrdersByPonAsync(string partner, OrderKind kind, string pon, CancellationToken cancellationToken) =>
        await OrderRows.QueryAsync(_uow, "WHERE partner = @partner AND kind = @kind AND pon = @pon", [("@partner", partner), ("@kind", StoredText.Of(kind)), ("@pon", pon)], cancellationToken);

    /// <summary>A version with its decision and response, for work on that one version (expedite review).</summary>
    public StoredVersion? Version(long orderId, string ver) =>
        Counted(_uow.Connection.Query<OrderRows.VersionRow>(VersionSql, new { orderId, ver }, _uow.Transaction).Select(v => v.ToStored()).SingleOrDefault());

    /// <inheritdoc cref="Version"/>
    public async ValueTask<StoredVersion?> VersionAsync(long orderId, string ver, CancellationToken cancellationToken)
    {
        var connection = await _uow.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OrderRows.VersionRow>(new CommandDefinition(VersionSql, new { orderId, ver }, _uow.Transaction, cancellationToken: cancellationToken));
        return Counted(rows.Select(v => v.ToStored()).SingleOrDefault());
    }

    private const string VersionSql = """
        SELECT id AS Id, ver AS Ver, sup AS Sup, content_hash AS ContentHash, channel AS Channel, file_name AS FileName,
               received_at AS ReceivedAt, outcome AS Outcome, rule_id AS RuleId, codes AS Codes, response AS Response
        FROM versions WHERE order_id = @orderId AND ver = @ver
        """;

    private StoredVersion? Counted(StoredVersion? version)
    {
        HistoryReads += 1 + (version?.Response.Count ?? 0);
        ResponsesRead += version is null ? 0 : 1;
        return version;
    }

    public IReadOnlyList<StoredTn> Tns(long orderId)
    {
        using var reader = _uow.Statements.Command(TnsSql, ("@orderId", orderId)).ExecuteReader();
        var tns = new List<StoredTn>();
        while (reader.Read())
        {
            tns.Add(ReadTn(reader));
        }

        HistoryReads += Math.Max(1, tns.Count);
        return tns;
    }

    /// <inheritdoc cref="Tns"/>
    public async ValueTask<IReadOnlyList<StoredTn>> TnsAsync(long orderId, CancellationToken cancellationToken)
    {
        var tns = await _uow.Statements.ListAsync(TnsSql, ReadTn, [("@orderId", orderId)], cancellationToken);
        HistoryReads += Math.Max(1, tns.Count);
        return tns;
    }

    private const string TnsSql = "SELECT tn, lna, status FROM order_tns WHERE order_id = @orderId ORDER BY seq";

    private static StoredTn ReadTn(System.Data.Common.DbDataReader reader) =>
        new(reader.GetString(0), StoredText.Lna(reader.GetString(1)), StoredText.OrderTnStatus(reader.GetString(2)));

    /// <summary>Creates an order and returns it.</summary>
    public async ValueTask<StoredOrder> CreateOrderAsync(string partner, OrderKind kind, string ccna, string pon, string an, string serviceState, string zone, string nnsp, CancellationToken cancellationToken)
    {
        var now = StoreFormats.Text(_uow.Clock.GetCurrentInstant());
        (string Name, object? Value)[] values =
        [
            ("@partner", partner), ("@kind", StoredText.Of(kind)), ("@ccna", ccna), ("@pon", pon), ("@state", StoredText.Of(OrderState.Received)),
            ("@an", an), ("@serviceState", serviceState), ("@zone", zone), ("@nnsp", nnsp), ("@now", now),
        ];
        long id;
        if (_uow.Ids.InUse)
        {
            id = await _uow.Ids.OrderIdAsync(cancellationToken);
            await _uow.Statements.DeferInsertAsync(
                id,
                OrderCopies.NewOrder,
                """
                INSERT INTO orders (id, partner, kind, ccna, pon, state, an, service_state, zone, nnsp, created_at, updated_at)
                VALUES (@id, @partner, @kind, @ccna, @pon, @state, @an, @serviceState, @zone, @nnsp, @createdAt, @now)
                """,
                [("@id", id), .. values[..^1], ("@createdAt", now), ("@now", now)],
                cancellationToken);
        }
        else
        {
            id = (long)(await _uow.Statements.ScalarAsync(
                """
                INSERT INTO orders (partner, kind, ccna, pon, state, an, service_state, zone, nnsp, created_at, updated_at)
                VALUES (@partner, @kind, @ccna, @pon, @state, @an, @serviceState, @zone, @nnsp, @now, @now)
                RETURNING id
                """,
                values,
                cancellationToken))!;
        }

        if (_uow.Transaction is not null)
        {
            _newWithoutTns.Add(id);
        }

        _absent.Remove((partner, kind, ccna, pon));

        return new StoredOrder(id, partner, kind, ccna, pon, null, OrderState.Received, an, serviceState, zone, nnsp, null, null, null, null, null, 0);
    }

    /// <summary>Writes the order's mutable fields and records what caused the change in its history.</summary>
    public async ValueTask UpdateOrderAsync(StoredOrder order, string cause, string detail, CancellationToken cancellationToken)
    {
        var now = StoreFormats.Text(_uow.Clock.GetCurrentInstant());
        // A new order whose INSERT has not left yet (inside a unit of work, either database): it goes out once, with these final values.
        var inserted = _uow.Statements.TryRewriteWaiting(order.Id, OrderCopies.Order, waiting => (InsertOrderWithValues, [
            ("@id", order.Id), ("@partner", order.Partner), ("@kind", StoredText.Of(order.Kind)), ("@ccna", order.Ccna), ("@pon", order.Pon),
            .. OrderValues(order), ("@createdAt", waiting.Single(p => p.Name == "@createdAt").Value), ("@now", now)]));
        if (!inserted)
        {
            await _uow.Statements.DeferAsync(
                """
                UPDATE orders SET lsrno = @lsrno, state = @state, an = @an, service_state = @serviceState, zone = @zone, nnsp = @nnsp,
                    foc_date = @focDate, foc_ver = @focVer, pending_ver = @pendingVer, requested_date = @requestedDate,
                    standard_date = @standardDate, due_date_sups = @sups, accepted_ddd = @acceptedDdd, simple = @simple, updated_at = @now
                WHERE id = @id
                """,
                [("@id", order.Id), .. OrderValues(order), ("@now", now)],
                cancellationToken);
        }

        await _uow.Statements.DeferRowsAsync(
            OrderCopies.Event,
            "INSERT INTO order_events (order_id, at, state, cause, detail) VALUES (@id, @now, @state, @cause, @detail)",
            [("@id", order.Id), ("@now", now), ("@state", StoredText.Of(order.State)), ("@cause", cause), ("@detail", detail)],
            cancellationToken);
    }

    private const string InsertOrderWithValues =
        """
        INSERT INTO orders (id, partner, kind, ccna, pon, lsrno, state, an, service_state, zone, nnsp, foc_date, foc_ver, pending_ver,
            requested_date, standard_date, due_date_sups, accepted_ddd, simple, created_at, updated_at)
        VALUES (@id, @partner, @kind, @ccna, @pon, @lsrno, @state, @an, @serviceState, @zone, @nnsp, @focDate, @focVer, @pendingVer,
            @requestedDate, @standardDate, @sups, @acceptedDdd, @simple, @createdAt, @now)
        """;

    /// <summary>The order's mutable fields as statement parameters.</summary>
    private static (string Name, object? Value)[] OrderValues(StoredOrder order) =>
    [
        ("@lsrno", order.LsrNo), ("@state", StoredText.Of(order.State)), ("@an", order.An),
        ("@serviceState", order.ServiceState), ("@zone", order.Zone), ("@nnsp", order.Nnsp),
        ("@focDate", StoreFormats.Text(order.FocDate)), ("@focVer", order.FocVer), ("@pendingVer", order.PendingVer),
        ("@requestedDate", StoreFormats.Text(order.RequestedDate)), ("@standardDate", StoreFormats.Text(order.StandardDate)),
        ("@sups", order.DueDateSups), ("@acceptedDdd", StoreFormats.Text(order.AcceptedDdd)),
        ("@simple", order.Simple is { } simple ? (simple ? 1L : 0L) : null),
    ];

    /// <summary>Files a decided version with its response and the authorization evidence it carried; returns its id.</summary>
    public async ValueTask<long> AddVersionAsync(long orderId, string ver, string sup, string contentHash, Channel channel, string fileName, Instant receivedAt, ResponseType outcome, string ruleId, string codes, IReadOnlyList<ResponseRow> response, IReadOnlyDictionary<string, string> evidence, CancellationToken cancellationToken)
    {
        (string Name, object? Value)[] values =
        [
            ("@orderId", orderId), ("@ver", ver), ("@sup", sup), ("@contentHash", contentHash), ("@channel", StoredText.Of(channel)),
            ("@fileName", fileName), ("@receivedAt", StoreFormats.Text(receivedAt)), ("@decidedAt", StoreFormats.Text(_uow.Clock.GetCurrentInstant())),
            ("@outcome", StoredText.Of(outcome)), ("@ruleId", ruleId), ("@codes", codes), ("@response", _json.Response(response)),
            ("@evidence", _json.Object(evidence)),
        ];
        if (!_uow.Ids.InUse)
        {
            return (long)(await _uow.Statements.ScalarAsync(
                """
                INSERT INTO versions (order_id, ver, sup, content_hash, channel, file_name, received_at, decided_at, outcome, rule_id, codes, response, evidence)
                VALUES (@orderId, @ver, @sup, @contentHash, @channel, @fileName, @receivedAt, @decidedAt, @outcome, @ruleId, @codes, @response, @evidence)
                RETURNING id
                """,
                values,
                cancellationToken))!;
        }

        var id = await _uow.Ids.VersionIdAsync(cancellationToken);
        await _uow.Statements.DeferRowsAsync(
            OrderCopies.Version,
            """
            INSERT INTO versions (id, order_id, ver, sup, content_hash, channel, file_name, received_at, decided_at, outcome, rule_id, codes, response, evidence)
            VALUES (@id, @orderId, @ver, @sup, @contentHash, @channel, @fileName, @receivedAt, @decidedAt, @outcome, @ruleId, @codes, @response, @evidence)
            """,
            [("@id", id), .. values],
            cancellationToken);
        return id;
    }

    /// <summary>Keeps a document received with a version (an LOA), for authorization disputes.</summary>
    public async ValueTask AddDocumentAsync(long versionId, string name, byte[] content, CancellationToken cancellationToken)
    {
        var command = await _uow.Statements.CommandAsync(
            "INSERT INTO documents (version_id, name, sha256, content) VALUES (@versionId, @name, @sha256, @content)",
            [("@versionId", versionId), ("@name", name), ("@sha256", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))), ("@content", content)],
            cancellationToken);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Replaces the answer kept for a version, after a later decision on it (expedite review).</summary>
    public async ValueTask ReplaceResponseAsync(long versionId, ResponseType outcome, string ruleId, IReadOnlyList<ResponseRow> response, CancellationToken cancellationToken)
    {
        var connection = await _uow.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE versions SET outcome = @outcome, rule_id = @ruleId, response = @response WHERE id = @versionId",
            new { versionId, outcome = StoredText.Of(outcome), ruleId, response = _json.Response(response) },
            _uow.Transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Replaces the order's TNs with the lines of its latest FOC or pending decision. A TN already ACTIVATED keeps
    /// that status (S6): it is in service with the new provider, and only an open TN can ever be canceled. The caller
    /// passes the order's <paramref name="activated"/> TNs, which it read to decide.
    /// </summary>
    public async ValueTask ReplaceTnsAsync(long orderId, IReadOnlyList<FocLine> lines, OrderTnStatus status, IReadOnlySet<string> activated, CancellationToken cancellationToken)
    {
        var first = _newWithoutTns.Remove(orderId);
        if (!first)
        {
            await _uow.Statements.DeferAsync("DELETE FROM order_tns WHERE order_id = @orderId", [("@orderId", orderId)], cancellationToken);
        }

        // Multi-row INSERTs: a statement per TN costs more than the rest of a request together. A new order's first
        // TNs may go by COPY on PostgreSQL: no waiting write touches them before (no DELETE precedes them), while a
        // later replacement's DELETE and rows wait behind them as statements.
        await _uow.Statements.InsertRowsAsync(
            OrderCopies.Tns.Table,
            OrderCopies.Tns.Columns,
            lines.Select((l, i) => new object?[] { orderId, l.Tn, StoredText.Of(l.Lna), StoredText.Of(activated.Contains(l.Tn) ? OrderTnStatus.Activated : status), (long)i }),
            first ? OrderCopies.Tns : null,
            cancellationToken);
    }

    /// <summary>
    /// Sets the status of the order's ported and disconnected TNs that are not ACTIVATED (to cancel them,
    /// <see cref="ExpiryStore.CancelOpenTnsAsync"/>): an activated TN never changes again.
    /// </summary>
    public async ValueTask SetTnStatusAsync(long orderId, OrderTnStatus status, CancellationToken cancellationToken)
    {
        var command = await _uow.Statements.CommandAsync(
            "UPDATE order_tns SET status = @status WHERE order_id = @orderId AND lna IN (@port, @disconnect) AND status <> @activated",
            [("@orderId", orderId), ("@status", StoredText.Of(status)), ("@activated", StoredText.Of(OrderTnStatus.Activated)), ("@port", StoredText.Of(Lna.Port)), ("@disconnect", StoredText.Of(Lna.Disconnect))],
            cancellationToken);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The next LSR number: assigned once per PON, never reused.</summary>
    public async ValueTask<string> NextLsrNoAsync(CancellationToken cancellationToken)
    {
        var value = _uow.Ids.InUse
            ? await _uow.Ids.LsrValueAsync(cancellationToken)
            : (long)(await _uow.Statements.ScalarAsync("INSERT INTO sequences (name, value) VALUES ('lsrno', 1) ON CONFLICT (name) DO UPDATE SET value = sequences.value + 1 RETURNING value", [], cancellationToken))!;
        return $"IG{value:D8}";
    }

    private List<StoredOrder> QueryOrders(string where, params (string Name, object? Value)[] parameters) =>
        OrderRows.Query(_uow, where, parameters);

    public void Dispose() => _json.Dispose();

    void IUnitOfWorkScoped.Ended()
    {
        _newWithoutTns.Clear();
        _absent.Clear();
    }
}

/// <summary>The orders aggregate's store on a unit of work.</summary>
public static class OrderStoreAccess
{
    extension(IUnitOfWork uow)
    {
        /// <summary>Orders, versions, TNs, events and LSR numbers (<see cref="OrderStore"/>).</summary>
        public OrderStore Orders => uow.Store(static u => new OrderStore(u));
    }
}
