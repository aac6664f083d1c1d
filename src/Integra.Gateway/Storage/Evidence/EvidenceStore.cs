using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Integra.Gateway.Portal.Disputes;
using Integra.Gateway.Storage.Connections;
using NodaTime;

namespace Integra.Gateway.Storage.Evidence;

/// <summary>
/// Evidence requests, answers and documents (<see cref="IEvidenceStore"/>) in the order store's database. Like
/// <see cref="PortalAccounts.PortalStore"/>, every call opens its own connection and is its own unit of work, so web requests run
/// side by side and several instances share one PostgreSQL database. Times are ISO instants compared in code.
/// Documents are kept in the database or, when the store was opened with an <see cref="EvidenceFolder"/>, in that
/// folder by their SHA-256; each row says where (<c>stored_in</c>), and every read checks the bytes against the hash.
/// </summary>
public sealed partial class EvidenceStore : IEvidenceStore
{
    private const string RequestColumns =
        "id AS Id, order_id AS OrderId, partner AS Partner, kind AS Kind, pon AS Pon, reason AS Reason, tns AS Tns, due_date AS DueDate, due_at AS DueAt, " +
        "state AS State, opened_by AS OpenedBy, opened_at AS OpenedAt, decided_by AS DecidedBy, decided_at AS DecidedAt, decision AS Decision";

    private const string InDatabase = "database";
    private const string InFolder = "folder";

    private readonly StoreDialect _dialect;
    private readonly EvidenceFolder? _folder;

    private EvidenceStore(StoreDialect dialect, EvidenceFolder? folder) => (_dialect, _folder) = (dialect, folder);

    /// <summary>
    /// Opens the store at <paramref name="database"/> (see <see cref="StoreLocation"/>); new documents go into
    /// <paramref name="folder"/>, or into the database when it is null. Documents already kept in a folder are read from
    /// <paramref name="folder"/>, so it must be the folder they were written to.
    /// </summary>
    /// <remarks>The host migrates the schema at start (<c>SchemaMigrator</c>), the evidence tables included; opening never does.</remarks>
    public static EvidenceStore Open(string database, EvidenceFolder? folder = null) => new(StoreDialect.For(StoreLocation.Parse(database)), folder);

    /// <summary>Opens the store as <paramref name="settings"/> say: the documents in <c>Disputes:EvidenceFolder</c> when set.</summary>
    public static EvidenceStore Open(string database, DisputesSettings settings) =>
        Open(database, string.IsNullOrWhiteSpace(settings.EvidenceFolder) ? null : new EvidenceFolder(settings.EvidenceFolder));

    public long Add(NewEvidenceRequest request)
    {
        var r = request;
        using var connection = _dialect.Open();
        return connection.ExecuteScalar<long>(
            """
            INSERT INTO evidence_requests (order_id, partner, kind, pon, reason, tns, due_date, due_at, state, opened_by, opened_at)
            VALUES (@OrderId, @Partner, @Kind, @Pon, @Reason, @tns, @dueDate, @dueAt, @state, @OpenedBy, @openedAt) RETURNING id
            """,
            new
            {
                r.OrderId, r.Partner, r.Kind, r.Pon, r.Reason, tns = JsonSerializer.Serialize(r.Tns), dueDate = StoreFormats.Text(r.DueDate),
                dueAt = StoreFormats.Text(r.DueAt), state = EvidenceStates.Open, r.OpenedBy, openedAt = StoreFormats.Text(r.OpenedAt),
            });
    }

    public EvidenceRequest? Find(string? partner, long id) => Requests("WHERE id = @id AND (@partner IS NULL OR partner = @partner)", new { id, partner }).SingleOrDefault();

    public IReadOnlyList<EvidenceRequest> OfOrder(string? partner, long orderId) =>
        Requests("WHERE order_id = @orderId AND (@partner IS NULL OR partner = @partner) ORDER BY id DESC", new { orderId, partner });

    public IReadOnlyList<EvidenceRequest> List(string? partner, int limit) =>
        [.. Requests("WHERE (@partner IS NULL OR partner = @partner) ORDER BY id DESC LIMIT @limit", new { partner, limit = (long)limit })
            .OrderBy(r => r.State == EvidenceStates.Accepted ? 1 : 0)
            .ThenBy(r => r.State == EvidenceStates.Accepted ? -(r.DecidedAt ?? r.OpenedAt).ToUnixTimeTicks() : r.DueAt.ToUnixTimeTicks())];

    public IReadOnlyList<EvidenceAnswer> Answers(string? partner, long requestId)
    {
        using var connection = _dialect.Open();
        var answers = connection.Query<AnswerRow>(
            """
            SELECT a.id AS Id, a.request_id AS RequestId, a.answered_by AS AnsweredBy, a.answered_at AS AnsweredAt, a.text AS Text
            FROM evidence_answers a WHERE a.request_id = @requestId AND (@partner IS NULL OR a.partner = @partner) ORDER BY a.id
            """,
            new { requestId, partner }).ToList();
        var files = connection.Query<FileRow>(
            """
            SELECT f.id AS Id, f.answer_id AS AnswerId, f.name AS Name, f.content_type AS ContentType, f.size AS Size, f.sha256 AS Sha256
            FROM evidence_files f JOIN evidence_answers a ON a.id = f.answer_id
            WHERE a.request_id = @requestId AND (@partner IS NULL OR f.partner = @partner) ORDER BY f.id
            """,
            new { requestId, partner }).ToLookup(f => f.AnswerId);
        return answers.Select(a => new EvidenceAnswer(
            a.Id, a.RequestId, a.AnsweredBy, StoreFormats.Instant(a.AnsweredAt), a.Text,
            files[a.Id].Select(f => new EvidenceFileInfo(f.Id, f.Name, f.ContentType, f.Size, f.Sha256)).ToList())).ToList();
    }

    public long? AddAnswer(string partner, long requestId, string answeredBy, string text, IReadOnlyList<EvidenceDocument> documents, Instant at)
    {
        using var connection = _dialect.Open();
        using var transaction = connection.BeginTransaction();
        _dialect.LockForTransaction(connection, transaction, $"evidence-request:{requestId}");
        var request = Requests(connection, transaction, "WHERE id = @requestId AND partner = @partner", new { requestId, partner }).SingleOrDefault();
        if (request is null || !request.Answerable(at))
        {
            return null;
        }

        var answerId = connection.ExecuteScalar<long>(
            "INSERT INTO evidence_answers (request_id, partner, answered_by, answered_at, text) VALUES (@requestId, @partner, @answeredBy, @at, @text) RETURNING id",
            new { requestId, partner, answeredBy, at = StoreFormats.Text(at), text },
            transaction);
        foreach (var d in documents)
        {
            // Into the folder before the row that names it commits: a row never points at bytes that are not there. A
            // transaction that fails afterwards leaves a file no row names, which the retention job may remove.
            var sha256 = Sha256(d.Content);
            _folder?.Write(sha256, d.Content);
            connection.Execute(
                "INSERT INTO evidence_files (answer_id, partner, name, content_type, size, sha256, content, stored_in) VALUES (@answerId, @partner, @Name, @ContentType, @size, @sha256, @content, @storedIn)",
                new { answerId, partner, d.Name, d.ContentType, size = (long)d.Content.Length, sha256, content = _folder is null ? d.Content : Array.Empty<byte>(), storedIn = _folder is null ? InDatabase : InFolder },
                transaction);
        }

        // Only the state seen under the lock moves: a desk decision in between makes this answer fail as a whole.
        var moved = connection.Execute(
            "UPDATE evidence_requests SET state = @answered WHERE id = @requestId AND state = @seen",
            new { requestId, answered = EvidenceStates.Answered, seen = request.State },
            transaction);
        if (moved != 1)
        {
            return null;
        }

        transaction.Commit();
        return answerId;
    }

    public bool Decide(long id, bool accept, string by, string reason, Instant at) =>
        Execute(
            "UPDATE evidence_requests SET state = @state, decided_by = @by, decided_at = @at, decision = @reason WHERE id = @id AND state = @answered",
            new { id, state = accept ? EvidenceStates.Accepted : EvidenceStates.Rejected, by, at = StoreFormats.Text(at), reason, answered = EvidenceStates.Answered }) == 1;

    public bool Extend(long id, LocalDate dueDate, Instant dueAt) =>
        Execute(
            "UPDATE evidence_requests SET due_date = @dueDate, due_at = @dueAt, overdue_at = NULL WHERE id = @id AND state <> @accepted",
            new { id, dueDate = StoreFormats.Text(dueDate), dueAt = StoreFormats.Text(dueAt), accepted = EvidenceStates.Accepted }) == 1;

    public bool Reopen(long id, LocalDate dueDate, Instant dueAt) =>
        Execute(
            "UPDATE evidence_requests SET state = @open, due_date = @dueDate, due_at = @dueAt, overdue_at = NULL WHERE id = @id AND state IN (@accepted, @rejected)",
            new { id, open = EvidenceStates.Open, dueDate = StoreFormats.Text(dueDate), dueAt = StoreFormats.Text(dueAt), accepted = EvidenceStates.Accepted, rejected = EvidenceStates.Rejected }) == 1;

    public EvidenceFileContent? ReadFile(string? partner, long fileId)
    {
        using var connection = _dialect.Open();
        var row = connection.QuerySingleOrDefault<ContentRow>(
            """
            SELECT f.id AS Id, f.name AS Name, f.content_type AS ContentType, f.size AS Size, f.sha256 AS Sha256, f.content AS Content,
                   f.stored_in AS StoredIn, a.request_id AS RequestId, a.answered_at AS AnsweredAt
            FROM evidence_files f JOIN evidence_answers a ON a.id = f.answer_id
            WHERE f.id = @fileId AND (@partner IS NULL OR f.partner = @partner)
            """,
            new { fileId, partner });
        return row is null ? null : Checked(row);
    }

    /// <summary>Every document of an order's requests, hash-checked, in the order they were received.</summary>
    /// <exception cref="EvidenceIntegrityException">A document does not match its recorded hash.</exception>
    public IReadOnlyList<EvidenceFileContent> FilesOfOrder(long orderId)
    {
        using var connection = _dialect.Open();
        return connection.Query<ContentRow>(
                """
                SELECT f.id AS Id, f.name AS Name, f.content_type AS ContentType, f.size AS Size, f.sha256 AS Sha256, f.content AS Content,
                       f.stored_in AS StoredIn, a.request_id AS RequestId, a.answered_at AS AnsweredAt
                FROM evidence_files f JOIN evidence_answers a ON a.id = f.answer_id JOIN evidence_requests r ON r.id = a.request_id
                WHERE r.order_id = @orderId ORDER BY f.id
                """,
                new { orderId })
            .Select(Checked)
            .ToList();
    }

    private EvidenceFileContent Checked(ContentRow row)
    {
        var what = $"evidence file {row.Id} ({row.Name})";
        var content = row.StoredIn switch
        {
            InDatabase => row.Content,
            InFolder when _folder is null => throw EvidenceIntegrityException.Missing(what, "an evidence folder: it is kept in one, and Disputes:EvidenceFolder is not set"),
            InFolder => _folder.Read(row.Sha256) ?? throw EvidenceIntegrityException.Missing(what, _folder.PathOf(row.Sha256)),
            _ => throw new InvalidDataException($"{what} is stored in '{row.StoredIn}', which this binary does not know"),
        };
        var actual = Sha256(content);
        if (!string.Equals(actual, row.Sha256, StringComparison.Ordinal))
        {
            throw new EvidenceIntegrityException(what, row.Sha256, actual);
        }

        return new EvidenceFileContent(new EvidenceFileInfo(row.Id, row.Name, row.ContentType, row.Size, row.Sha256), row.RequestId, StoreFormats.Instant(row.AnsweredAt), content);
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private List<EvidenceRequest> Requests(string where, object parameters)
    {
        using var connection = _dialect.Open();
        return Requests(connection, null, where, parameters);
    }

    private static List<EvidenceRequest> Requests(DbConnection connection, DbTransaction? transaction, string where, object parameters) =>
        connection.Query<RequestRow>($"SELECT {RequestColumns} FROM evidence_requests {where}", parameters, transaction).Select(Request).ToList();

    private static EvidenceRequest Request(RequestRow r) => new(
        r.Id, r.OrderId, r.Partner, r.Kind, r.Pon, r.Reason, JsonSerializer.Deserialize<List<string>>(r.Tns) ?? [],
        StoreFormats.Date(r.DueDate)!.Value, StoreFormats.Instant(r.DueAt), r.State, r.OpenedBy, StoreFormats.Instant(r.OpenedAt),
        r.DecidedBy, r.DecidedAt is null ? null : StoreFormats.Instant(r.DecidedAt), r.Decision);

    private int Execute(string sql, object parameters)
    {
        using var connection = _dialect.Open();
        return connection.Execute(sql, parameters);
    }

    private sealed record RequestRow(
        long Id, long OrderId, string Partner, string Kind, string Pon, string Reason, string Tns, string DueDate, string DueAt,
        string State, string OpenedBy, string OpenedAt, string? DecidedBy, string? DecidedAt, string Decision);

    private sealed record AnswerRow(long Id, long RequestId, string AnsweredBy, string AnsweredAt, string Text);

    private sealed record FileRow(long Id, long AnswerId, string Name, string ContentType, long Size, string Sha256);

    private sealed record ContentRow(long Id, string Name, string ContentType, long Size, string Sha256, byte[] Content, string StoredIn, long RequestId, string AnsweredAt);
}
