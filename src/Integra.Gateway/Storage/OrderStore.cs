using System.Data;
using System.Text.Json;
using Dapper;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Integra.Gateway.Storage;

/// <summary>
/// Every request, version, decision, TN and response, in SQLite. One instance per thread of work; a batch of
/// changes (one request file) is one transaction, so a crash leaves either all of a file's decisions or none.
/// </summary>
public sealed class OrderStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly IClock _clock;
    private SqliteTransaction? _transaction;

    private OrderStore(SqliteConnection connection, IClock clock)
    {
        _connection = connection;
        _clock = clock;
    }

    /// <summary>Opens (creating when needed) the database file and brings its schema up to date.</summary>
    public static OrderStore Open(string path, IClock clock)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        // WAL lets the CLI read while the daemon writes; FULL sync makes a commit survive power loss.
        connection.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;");
        var store = new OrderStore(connection, clock);
        store.Migrate();
        return store;
    }

    /// <summary>Starts a unit of work; dispose without <see cref="IDbTransaction.Commit"/> to roll it back.</summary>
    public IDbTransaction Begin()
    {
        _transaction = _connection.BeginTransaction();
        return _transaction;
    }

    public StoredOrder? FindOrder(string partner, string kind, string ccna, string pon) =>
        QueryOrders("WHERE partner = @partner AND kind = @kind AND ccna = @ccna AND pon = @pon", new { partner, kind, ccna, pon }).SingleOrDefault();

    /// <summary>Orders of a partner with this PON, any CCNA (for review, where the operator knows only the PON).</summary>
    public IReadOnlyList<StoredOrder> FindOrdersByPon(string partner, string kind, string pon) =>
        QueryOrders("WHERE partner = @partner AND kind = @kind AND pon = @pon", new { partner, kind, pon });

    public IReadOnlyList<VersionRecord> VersionHashes(long orderId) =>
        _connection.Query<(string Ver, string Hash)>("SELECT ver, content_hash FROM versions WHERE order_id = @orderId ORDER BY ver", new { orderId }, _transaction)
            .Select(v => new VersionRecord(v.Ver, v.Hash))
            .ToList();

    public StoredVersion? Version(long orderId, string ver) =>
        _connection.Query<VersionRow>(
            """
            SELECT id AS Id, ver AS Ver, sup AS Sup, content_hash AS ContentHash, channel AS Channel, file_name AS FileName,
                   received_at AS ReceivedAt, outcome AS Outcome, rule_id AS RuleId, codes AS Codes, response AS Response
            FROM versions WHERE order_id = @orderId AND ver = @ver
            """,
            new { orderId, ver },
            _transaction).Select(v => v.ToStored()).SingleOrDefault();

    public IReadOnlyList<StoredTn> Tns(long orderId) =>
        _connection.Query<(string Tn, string Lna, string Status)>("SELECT tn, lna, status FROM order_tns WHERE order_id = @orderId ORDER BY rowid", new { orderId }, _transaction)
            .Select(t => new StoredTn(t.Tn, ResponseRows.ParseLna(t.Lna), t.Status))
            .ToList();

    /// <summary>Creates an order and returns it.</summary>
    public StoredOrder CreateOrder(string partner, string kind, string ccna, string pon, string an, string serviceState, string zone, string nnsp)
    {
        var now = StoreFormats.Text(_clock.GetCurrentInstant());
        var id = _connection.ExecuteScalar<long>(
            """
            INSERT INTO orders (partner, kind, ccna, pon, state, an, service_state, zone, nnsp, created_at, updated_at)
            VALUES (@partner, @kind, @ccna, @pon, @state, @an, @serviceState, @zone, @nnsp, @now, @now)
            RETURNING id
            """,
            new { partner, kind, ccna, pon, state = nameof(OrderState.Received), an, serviceState, zone, nnsp, now },
            _transaction);
        return new StoredOrder(id, partner, kind, ccna, pon, null, OrderState.Received, an, serviceState, zone, nnsp, null, null, null, null, null, 0);
    }

    /// <summary>Writes the order's mutable fields and records the transition when the state changed.</summary>
    public void UpdateOrder(StoredOrder order, string cause, string detail)
    {
        var previous = _connection.ExecuteScalar<string>("SELECT state FROM orders WHERE id = @Id", new { order.Id }, _transaction);
        var now = StoreFormats.Text(_clock.GetCurrentInstant());
        _connection.Execute(
            """
            UPDATE orders SET lsrno = @LsrNo, state = @State, an = @An, service_state = @ServiceState, zone = @Zone, nnsp = @Nnsp,
                foc_date = @FocDate, foc_ver = @FocVer, pending_ver = @PendingVer, requested_date = @RequestedDate,
                standard_date = @StandardDate, due_date_sups = @DueDateSups, updated_at = @now
            WHERE id = @Id
            """,
            new
            {
                order.Id, order.LsrNo, State = order.State.ToString(), order.An, order.ServiceState, order.Zone, order.Nnsp,
                FocDate = StoreFormats.Text(order.FocDate), order.FocVer, order.PendingVer,
                RequestedDate = StoreFormats.Text(order.RequestedDate), StandardDate = StoreFormats.Text(order.StandardDate),
                order.DueDateSups, now,
            },
            _transaction);
        _connection.Execute(
            "INSERT INTO order_events (order_id, at, state, cause, detail) VALUES (@Id, @now, @state, @cause, @detail)",
            new { order.Id, now, state = previous == order.State.ToString() ? previous : order.State.ToString(), cause, detail },
            _transaction);
    }

    public void AddVersion(long orderId, string ver, string sup, string contentHash, Channel channel, string fileName, Instant receivedAt, string outcome, string ruleId, string codes, IReadOnlyList<ResponseRow> response) =>
        _connection.Execute(
            """
            INSERT INTO versions (order_id, ver, sup, content_hash, channel, file_name, received_at, decided_at, outcome, rule_id, codes, response)
            VALUES (@orderId, @ver, @sup, @contentHash, @channel, @fileName, @receivedAt, @decidedAt, @outcome, @ruleId, @codes, @response)
            """,
            new
            {
                orderId, ver, sup, contentHash, channel = channel.ToString().ToUpperInvariant(), fileName,
                receivedAt = StoreFormats.Text(receivedAt), decidedAt = StoreFormats.Text(_clock.GetCurrentInstant()),
                outcome, ruleId, codes, response = JsonSerializer.Serialize(response.Select(r => r.Cells())),
            },
            _transaction);

    /// <summary>Replaces the answer kept for a version, after a later decision on it (expedite review).</summary>
    public void ReplaceResponse(long versionId, string outcome, string ruleId, IReadOnlyList<ResponseRow> response) =>
        _connection.Execute(
            "UPDATE versions SET outcome = @outcome, rule_id = @ruleId, response = @response WHERE id = @versionId",
            new { versionId, outcome, ruleId, response = JsonSerializer.Serialize(response.Select(r => r.Cells())) },
            _transaction);

    /// <summary>Replaces the order's TNs with the lines of its latest FOC or pending decision.</summary>
    public void ReplaceTns(long orderId, IEnumerable<FocLine> lines, string status)
    {
        _connection.Execute("DELETE FROM order_tns WHERE order_id = @orderId", new { orderId }, _transaction);
        _connection.Execute(
            "INSERT INTO order_tns (order_id, tn, lna, status) VALUES (@orderId, @Tn, @Lna, @status)",
            lines.Select(l => new { orderId, l.Tn, Lna = ResponseRows.LnaCode(l.Lna), status }),
            _transaction);
    }

    public void SetTnStatus(long orderId, string status) =>
        _connection.Execute("UPDATE order_tns SET status = @status WHERE order_id = @orderId AND lna = 'P'", new { orderId, status }, _transaction);

    /// <summary>The next LSR number: assigned once per PON, never reused.</summary>
    public string NextLsrNo()
    {
        var value = _connection.ExecuteScalar<long>(
            "INSERT INTO sequences (name, value) VALUES ('lsrno', 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value",
            transaction: _transaction);
        return $"IG{value:D8}";
    }

    internal SqliteConnection Connection => _connection;

    internal SqliteTransaction? Transaction => _transaction;

    public void Dispose() => _connection.Dispose();

    private List<StoredOrder> QueryOrders(string where, object args) =>
        _connection.Query<OrderRow>(
            $"""
            SELECT id AS Id, partner AS Partner, kind AS Kind, ccna AS Ccna, pon AS Pon, lsrno AS LsrNo, state AS State, an AS An,
                   service_state AS ServiceState, zone AS Zone, nnsp AS Nnsp, foc_date AS FocDate, foc_ver AS FocVer,
                   pending_ver AS PendingVer, requested_date AS RequestedDate, standard_date AS StandardDate, due_date_sups AS DueDateSups
            FROM orders {where}
            """,
            args,
            _transaction).Select(r => r.ToStored()).ToList();

    private void Migrate()
    {
        _connection.Execute("CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL)");
        var current = _connection.ExecuteScalar<long?>("SELECT MAX(version) FROM schema_info") ?? 0;
        for (var i = (int)current; i < Schema.Migrations.Count; i++)
        {
            using var tx = _connection.BeginTransaction();
            _connection.Execute(Schema.Migrations[i], transaction: tx);
            _connection.Execute("INSERT INTO schema_info (version) VALUES (@v)", new { v = i + 1 }, tx);
            tx.Commit();
        }
    }

    private sealed class OrderRow
    {
        public long Id { get; init; }

        public string Partner { get; init; } = string.Empty;

        public string Kind { get; init; } = string.Empty;

        public string Ccna { get; init; } = string.Empty;

        public string Pon { get; init; } = string.Empty;

        public string? LsrNo { get; init; }

        public string State { get; init; } = string.Empty;

        public string An { get; init; } = string.Empty;

        public string ServiceState { get; init; } = string.Empty;

        public string Zone { get; init; } = string.Empty;

        public string Nnsp { get; init; } = string.Empty;

        public string? FocDate { get; init; }

        public string? FocVer { get; init; }

        public string? PendingVer { get; init; }

        public string? RequestedDate { get; init; }

        public string? StandardDate { get; init; }

        public long DueDateSups { get; init; }

        public StoredOrder ToStored() => new(
            Id, Partner, Kind, Ccna, Pon, LsrNo, Enum.Parse<OrderState>(State), An, ServiceState, Zone, Nnsp,
            StoreFormats.Date(FocDate), FocVer, PendingVer, StoreFormats.Date(RequestedDate), StoreFormats.Date(StandardDate), (int)DueDateSups);
    }

    private sealed class VersionRow
    {
        public long Id { get; init; }

        public string Ver { get; init; } = string.Empty;

        public string Sup { get; init; } = string.Empty;

        public string ContentHash { get; init; } = string.Empty;

        public string Channel { get; init; } = string.Empty;

        public string FileName { get; init; } = string.Empty;

        public string ReceivedAt { get; init; } = string.Empty;

        public string Outcome { get; init; } = string.Empty;

        public string RuleId { get; init; } = string.Empty;

        public string Codes { get; init; } = string.Empty;

        public string Response { get; init; } = string.Empty;

        public StoredVersion ToStored() => new(
            Id, Ver, Sup, ContentHash, Channel, FileName, StoreFormats.Instant(ReceivedAt), Outcome, RuleId, Codes,
            (JsonSerializer.Deserialize<string[][]>(Response) ?? []).Select(ResponseRow.FromCells).ToList());
    }
}
