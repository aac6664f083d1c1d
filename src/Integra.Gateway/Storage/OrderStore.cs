using System.Data;
using System.Data.Common;
using Dapper;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using NodaTime;

namespace Integra.Gateway.Storage;

/// <summary>
/// Every request, version, decision, TN and response, in SQLite or PostgreSQL (<see cref="StoreDialect"/>). One
/// instance per thread of work; a batch of changes (one request file) is one transaction, so a crash leaves either
/// all of a file's decisions or none.
/// </summary>
public sealed partial class OrderStore : IDisposable
{
    private DbConnection _connection;
    private readonly IClock _clock;
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private readonly StoredJson _json = new();

    /// <summary>
    /// Orders created in the current unit of work whose TNs were never written: the first <see cref="ReplaceTns"/>
    /// of such an order has nothing to delete, and skips the statement (one of the few per request of a large file).
    /// </summary>
    private readonly HashSet<long> _newWithoutTns = [];
    private DbTransaction? _transaction;

    /// <summary>
    /// New orders whose INSERT waits in <see cref="_pending"/> (PostgreSQL), by id, with its place there: the order's
    /// first <see cref="UpdateOrder"/> writes its final values into that INSERT instead of sending an UPDATE after it.
    /// </summary>
    private readonly Dictionary<long, int> _insertWaiting = [];

    private OrderStore(StoreDialect dialect, DbConnection connection, IClock clock)
    {
        Dialect = dialect;
        _connection = connection;
        _clock = clock;
    }

    /// <summary>
    /// Opens the store at <paramref name="database"/> (a SQLite file or a PostgreSQL connection string; see
    /// <see cref="StoreLocation"/>) on a connection from ADO.NET's pool. The schema is not looked at: the host
    /// migrated it at start (<see cref="Migrations.SchemaMigrator"/>).
    /// </summary>
    public static OrderStore Open(string database, IClock clock)
    {
        var dialect = StoreDialect.For(StoreLocation.Parse(database));
        return new OrderStore(dialect, dialect.Open(), clock);
    }

    public StoreProvider Provider => Dialect.Provider;

    /// <summary>
    /// Starts a unit of work; dispose without <see cref="IDbTransaction.Commit"/> to roll it back. Inside another
    /// unit of work it joins that one: only the outermost commit commits, and a failure rolls back all of it.
    /// </summary>
    public IDbTransaction Begin()
    {
        if (_transaction is not null)
        {
            return new JoinedUnitOfWork(_transaction);
        }

        _transaction = Live.BeginTransaction();
        return new UnitOfWork(this, _transaction);
    }

    /// <summary>
    /// Makes the current unit of work wait for, and then exclude, every other one that takes the lock of this
    /// <paramref name="name"/> (in any gateway instance on the same database) until it commits or rolls back.
    /// </summary>
    public void Lock(string name) =>
        Dialect.LockForTransaction(_connection, ActiveTransaction ?? throw new InvalidOperationException("Lock needs a unit of work: call Begin first."), name);

    /// <summary>
    /// Takes the lease of this <paramref name="name"/> for this store's connection unless another gateway instance
    /// holds it, for work that only one instance may do at a time (polling one partner's drop); null when taken.
    /// The lease ends when the returned object is disposed or the connection closes (a crashed instance).
    /// </summary>
    public IDisposable? TryLease(string name) =>
        Dialect.TryLease(Live, name) ? new Lease(this, name) : null;

    public StoredOrder? FindOrder(string partner, OrderKind kind, string ccna, string pon) =>
        KnownAbsent(partner, kind, ccna, pon)
            ? null
            : First(OrderColumns + " WHERE partner = @partner AND kind = @kind AND ccna = @ccna AND pon = @pon", ReadOrder, ("@partner", partner), ("@kind", StoredText.Of(kind)), ("@ccna", ccna), ("@pon", pon));

    public StoredOrder? FindOrder(long id) => QueryOrders("WHERE id = @id", ("@id", id)).SingleOrDefault();

    /// <summary>Orders of a partner with this PON, any CCNA (for review, where the operator knows only the PON).</summary>
    public IReadOnlyList<StoredOrder> FindOrdersByPon(string partner, OrderKind kind, string pon) =>
        QueryOrders("WHERE partner = @partner AND kind = @kind AND pon = @pon", ("@partner", partner), ("@kind", StoredText.Of(kind)), ("@pon", pon));

    /// <summary>A version with its decision and response, for work on that one version (expedite review).</summary>
    public StoredVersion? Version(long orderId, string ver)
    {
        var version = Live.Query<VersionRow>(
            """
            SELECT id AS Id, ver AS Ver, sup AS Sup, content_hash AS ContentHash, channel AS Channel, file_name AS FileName,
                   received_at AS ReceivedAt, outcome AS Outcome, rule_id AS RuleId, codes AS Codes, response AS Response
            FROM versions WHERE order_id = @orderId AND ver = @ver
            """,
            new { orderId, ver },
            ActiveTransaction).Select(v => v.ToStored()).SingleOrDefault();
        HistoryReads += 1 + (version?.Response.Count ?? 0);
        ResponsesRead += version is null ? 0 : 1;
        return version;
    }

    public IReadOnlyList<StoredTn> Tns(long orderId)
    {
        using var reader = Command("SELECT tn, lna, status FROM order_tns WHERE order_id = @orderId ORDER BY seq", ("@orderId", orderId)).ExecuteReader();
        var tns = new List<StoredTn>();
        while (reader.Read())
        {
            tns.Add(new StoredTn(reader.GetString(0), StoredText.Lna(reader.GetString(1)), StoredText.OrderTnStatus(reader.GetString(2))));
        }

        HistoryReads += Math.Max(1, tns.Count);
        return tns;
    }

    /// <summary>Creates an order and returns it.</summary>
    public StoredOrder CreateOrder(string partner, OrderKind kind, string ccna, string pon, string an, string serviceState, string zone, string nnsp)
    {
        var now = StoreFormats.Text(_clock.GetCurrentInstant());
        (string Name, object? Value)[] values =
        [
            ("@partner", partner), ("@kind", StoredText.Of(kind)), ("@ccna", ccna), ("@pon", pon), ("@state", StoredText.Of(OrderState.Received)),
            ("@an", an), ("@serviceState", serviceState), ("@zone", zone), ("@nnsp", nnsp), ("@now", now),
        ];
        long id;
        if (TakesBlocks)
        {
            id = NextOrderId();
            var waiting = _pending.Count;
            Defer(
                """
                INSERT INTO orders (id, partner, kind, ccna, pon, state, an, service_state, zone, nnsp, created_at, updated_at)
                VALUES (@id, @partner, @kind, @ccna, @pon, @state, @an, @serviceState, @zone, @nnsp, @now, @now)
                """,
                [("@id", id), .. values]);
            if (_pending.Count > waiting)
            {
                _insertWaiting[id] = waiting;
            }
        }
        else
        {
            id = (long)Scalar(
                """
                INSERT INTO orders (partner, kind, ccna, pon, state, an, service_state, zone, nnsp, created_at, updated_at)
                VALUES (@partner, @kind, @ccna, @pon, @state, @an, @serviceState, @zone, @nnsp, @now, @now)
                RETURNING id
                """,
                values)!;
        }

        if (_transaction is not null)
        {
            _newWithoutTns.Add(id);
        }

        _absent.Remove((partner, kind, ccna, pon));

        return new StoredOrder(id, partner, kind, ccna, pon, null, OrderState.Received, an, serviceState, zone, nnsp, null, null, null, null, null, 0);
    }

    /// <summary>Writes the order's mutable fields and records what caused the change in its history.</summary>
    public void UpdateOrder(StoredOrder order, string cause, string detail)
    {
        var now = StoreFormats.Text(_clock.GetCurrentInstant());
        if (_insertWaiting.Remove(order.Id, out var at))
        {
            // A new order whose INSERT has not left yet (PostgreSQL): it goes out once, with these final values.
            _pending[at] = (InsertOrderWithValues, [
                ("@id", order.Id), ("@partner", order.Partner), ("@kind", StoredText.Of(order.Kind)), ("@ccna", order.Ccna), ("@pon", order.Pon),
                .. OrderValues(order), ("@createdAt", _pending[at].Parameters.Single(p => p.Name == "@now").Value), ("@now", now)]);
        }
        else
        {
            Defer(
                """
                UPDATE orders SET lsrno = @lsrno, state = @state, an = @an, service_state = @serviceState, zone = @zone, nnsp = @nnsp,
                    foc_date = @focDate, foc_ver = @focVer, pending_ver = @pendingVer, requested_date = @requestedDate,
                    standard_date = @standardDate, due_date_sups = @sups, accepted_ddd = @acceptedDdd, simple = @simple, updated_at = @now
                WHERE id = @id
                """,
                [("@id", order.Id), .. OrderValues(order), ("@now", now)]);
        }

        Defer(
            "INSERT INTO order_events (order_id, at, state, cause, detail) VALUES (@id, @now, @state, @cause, @detail)",
            ("@id", order.Id), ("@now", now), ("@state", StoredText.Of(order.State)), ("@cause", cause), ("@detail", detail));
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
    public long AddVersion(long orderId, string ver, string sup, string contentHash, Channel channel, string fileName, Instant receivedAt, ResponseType outcome, string ruleId, string codes, IReadOnlyList<ResponseRow> response, IReadOnlyDictionary<string, string> evidence)
    {
        (string Name, object? Value)[] values =
        [
            ("@orderId", orderId), ("@ver", ver), ("@sup", sup), ("@contentHash", contentHash), ("@channel", StoredText.Of(channel)),
            ("@fileName", fileName), ("@receivedAt", StoreFormats.Text(receivedAt)), ("@decidedAt", StoreFormats.Text(_clock.GetCurrentInstant())),
            ("@outcome", StoredText.Of(outcome)), ("@ruleId", ruleId), ("@codes", codes), ("@response", _json.Response(response)),
            ("@evidence", _json.Object(evidence)),
        ];
        if (!TakesBlocks)
        {
            return (long)Scalar(
                """
                INSERT INTO versions (order_id, ver, sup, content_hash, channel, file_name, received_at, decided_at, outcome, rule_id, codes, response, evidence)
                VALUES (@orderId, @ver, @sup, @contentHash, @channel, @fileName, @receivedAt, @decidedAt, @outcome, @ruleId, @codes, @response, @evidence)
                RETURNING id
                """,
                values)!;
        }

        var id = NextVersionId();
        Defer(
            """
            INSERT INTO versions (id, order_id, ver, sup, content_hash, channel, file_name, received_at, decided_at, outcome, rule_id, codes, response, evidence)
            VALUES (@id, @orderId, @ver, @sup, @contentHash, @channel, @fileName, @receivedAt, @decidedAt, @outcome, @ruleId, @codes, @response, @evidence)
            """,
            [("@id", id), .. values]);
        return id;
    }

    /// <summary>Keeps a document received with a version (an LOA), for authorization disputes.</summary>
    public void AddDocument(long versionId, string name, byte[] content) =>
        Command(
            "INSERT INTO documents (version_id, name, sha256, content) VALUES (@versionId, @name, @sha256, @content)",
            ("@versionId", versionId), ("@name", name), ("@sha256", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))), ("@content", content)).ExecuteNonQuery();

    /// <summary>Replaces the answer kept for a version, after a later decision on it (expedite review).</summary>
    public void ReplaceResponse(long versionId, ResponseType outcome, string ruleId, IReadOnlyList<ResponseRow> response) =>
        Live.Execute(
            "UPDATE versions SET outcome = @outcome, rule_id = @ruleId, response = @response WHERE id = @versionId",
            new { versionId, outcome = StoredText.Of(outcome), ruleId, response = _json.Response(response) },
            ActiveTransaction);

    /// <summary>
    /// Replaces the order's TNs with the lines of its latest FOC or pending decision. A TN already ACTIVATED keeps
    /// that status (S6): it is in service with the new provider, and only an open TN can ever be canceled. The caller
    /// passes the order's <paramref name="activated"/> TNs, which it read to decide.
    /// </summary>
    public void ReplaceTns(long orderId, IReadOnlyList<FocLine> lines, OrderTnStatus status, IReadOnlySet<string> activated)
    {
        if (!_newWithoutTns.Remove(orderId))
        {
            Defer("DELETE FROM order_tns WHERE order_id = @orderId", ("@orderId", orderId));
        }

        // Multi-row INSERTs: a statement per TN costs more than the rest of a request together.
        InsertRows("order_tns", ["order_id", "tn", "lna", "status", "seq"], lines.Select((l, i) => new object?[] { orderId, l.Tn, StoredText.Of(l.Lna), StoredText.Of(activated.Contains(l.Tn) ? OrderTnStatus.Activated : status), (long)i }));
    }

    /// <summary>
    /// Sets the status of the order's ported and disconnected TNs that are not ACTIVATED (to cancel them,
    /// <see cref="CancelOpenTns"/>): an activated TN never changes again.
    /// </summary>
    public void SetTnStatus(long orderId, OrderTnStatus status) =>
        Command("UPDATE order_tns SET status = @status WHERE order_id = @orderId AND lna IN (@port, @disconnect) AND status <> @activated", ("@orderId", orderId), ("@status", StoredText.Of(status)), ("@activated", StoredText.Of(OrderTnStatus.Activated)), ("@port", StoredText.Of(Lna.Port)), ("@disconnect", StoredText.Of(Lna.Disconnect))).ExecuteNonQuery();

    /// <summary>The next LSR number: assigned once per PON, never reused.</summary>
    public string NextLsrNo()
    {
        var value = TakesBlocks
            ? NextLsrValue()
            : (long)Scalar("INSERT INTO sequences (name, value) VALUES ('lsrno', 1) ON CONFLICT (name) DO UPDATE SET value = sequences.value + 1 RETURNING value")!;
        return $"IG{value:D8}";
    }

    internal DbConnection Connection => Live;

    /// <summary>The clock the store stamps its rows with, for its companions (outbox).</summary>
    internal IClock Clock => _clock;

    internal StoreDialect Dialect { get; }

    /// <summary>
    /// The transaction of the current unit of work, for the store and its companions (outbox, lifecycle); null once
    /// it is committed or rolled back.
    /// </summary>
    internal DbTransaction? ActiveTransaction => _transaction;

    /// <summary>
    /// The connection, opened again when it broke between units of work: a PostgreSQL restart or fail-over then
    /// costs the operation that saw it, not every operation until the daemon restarts. (A SQLite file connection
    /// does not break this way.)
    /// </summary>
    private DbConnection Live
    {
        get
        {
            if (_connection.State != ConnectionState.Open && _transaction is null)
            {
                DisposeCommands();
                _connection.Dispose();
                _connection = Dialect.Open();
            }

            // Whoever uses the connection next sees the writes that were waiting for a round trip.
            FlushPending();
            return _connection;
        }
    }

    public void Dispose()
    {
        DisposeCommands();
        _json.Dispose();
        _connection.Dispose();
    }

    private void DisposeCommands()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    /// <summary>
    /// A command for <paramref name="sql"/>, kept for the life of the store and prepared (on PostgreSQL explicitly,
    /// <see cref="StoreDialect.PrepareStatement"/>): each hot statement is parsed and planned once instead of once
    /// per request, which dominates the cost of a large file.
    /// </summary>
    private DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var connection = Live;
        if (!_commands.TryGetValue(sql, out var command) || !SameNames(command.Parameters, parameters))
        {
            // Another parameter list for the same text gets a new command: a prepared command whose parameters are
            // rebuilt keeps binding the old ones on Npgsql (see PostgresDialect), which answers with wrong rows.
            command?.Dispose();
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            _commands[sql] = command;
        }

        command.Transaction = ActiveTransaction;

        // The kept command keeps its parameters too: a hot statement sets values, it does not rebuild them.
        var list = command.Parameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            list[i].Value = parameters[i].Value ?? DBNull.Value;
        }

        Dialect.PrepareStatement(command);
        return command;
    }

    private static bool SameNames(DbParameterCollection list, (string Name, object? Value)[] parameters)
    {
        if (list.Count != parameters.Length)
        {
            return false;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (!string.Equals(list[i].ParameterName, parameters[i].Name, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private List<StoredOrder> QueryOrders(string where, params (string Name, object? Value)[] parameters)
    {
        using var reader = Command(OrderColumns + " " + where, parameters).ExecuteReader();
        var orders = new List<StoredOrder>();
        while (reader.Read())
        {
            orders.Add(ReadOrder(reader));
        }

        return orders;
    }
}
