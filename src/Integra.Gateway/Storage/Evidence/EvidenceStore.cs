using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Integra.Gateway.Portal.Disputes;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.Storage.Evidence;

/// <summary>
/// Evidence requests, answers and documents (<c>evidence_requests</c>, <c>evidence_answers</c>, <c>evidence_files</c>)
/// on a unit of work: every statement of them is in this class's files. The portal reaches it through
/// <see cref="PortalEvidence"/> (a unit of work per call, retried on a fresh connection), the package builder and the
/// overdue watch on their own unit of work. A <c>partner</c> argument scopes a read to that partner (null: the desk).
/// Times are ISO instants compared in code. Documents are kept in the database or in an <see cref="EvidenceFolder"/>
/// by their SHA-256; each row says where (<c>stored_in</c>), and every read checks the bytes against the hash.
/// </summary>
public sealed partial class EvidenceStore(IUnitOfWork uow)
{
    private const string RequestColumns =
        "id AS Id, order_id AS OrderId, partner AS Partner, kind AS Kind, pon AS Pon, reason AS Reason, tns AS Tns, due_date AS DueDate, due_at AS DueAt, " +
        "state AS State, opened_by AS OpenedBy, opened_at AS OpenedAt, decided_by AS DecidedBy, decided_at AS DecidedAt, decision AS Decision";

    /// <summary>The SHA-256 of <paramref name="content"/>, lower-case hex, as documents are kept and checked by.</summary>
    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <inheritdoc cref="IEvidenceStore.AddAsync"/>
    public Task<long> AddAsync(NewEvidenceRequest r, CancellationToken cancellationToken) =>
        uow.Connection.ExecuteScalarAsync<long>(uow.Command(
            """
            INSERT INTO evidence_requests (order_id, partner, kind, pon, reason, tns, due_date, due_at, state, opened_by, opened_at)
            VALUES (@OrderId, @Partner, @Kind, @Pon, @Reason, @tns, @dueDate, @dueAt, @state, @OpenedBy, @openedAt) RETURNING id
            """,
            new
            {
                r.OrderId, r.Partner, r.Kind, r.Pon, r.Reason, tns = JsonSerializer.Serialize(r.Tns), dueDate = StoreFormats.Text(r.DueDate),
                dueAt = StoreFormats.Text(r.DueAt), state = EvidenceStates.Open, r.OpenedBy, openedAt = StoreFormats.Text(r.OpenedAt),
            },
            cancellationToken));

    /// <inheritdoc cref="IEvidenceStore.FindAsync"/>
    public async Task<EvidenceRequest?> FindAsync(string? partner, long id, CancellationToken cancellationToken) =>
        (await RequestsAsync("WHERE id = @id AND (@partner IS NULL OR partner = @partner)", new { id, partner }, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    /// <inheritdoc cref="IEvidenceStore.OfOrderAsync"/>
    public Task<List<EvidenceRequest>> OfOrderAsync(string? partner, long orderId, CancellationToken cancellationToken) =>
        RequestsAsync(OfOrderWhere, new { orderId, partner }, cancellationToken);

    /// <inheritdoc cref="IEvidenceStore.ListAsync"/>
    public async Task<IReadOnlyList<EvidenceRequest>> ListAsync(string? partner, int limit, CancellationToken cancellationToken) =>
        [.. (await RequestsAsync("WHERE (@partner IS NULL OR partner = @partner) ORDER BY id DESC LIMIT @limit", new { partner, limit = (long)limit }, cancellationToken).ConfigureAwait(false))
            .OrderBy(r => r.State == EvidenceStates.Accepted ? 1 : 0)
            .ThenBy(r => r.State == EvidenceStates.Accepted ? -(r.DecidedAt ?? r.OpenedAt).ToUnixTimeTicks() : r.DueAt.ToUnixTimeTicks())];

    /// <inheritdoc cref="IEvidenceStore.PastDueAsync"/>
    public async Task<IReadOnlyList<EvidenceRequest>> PastDueAsync(Instant now, CancellationToken cancellationToken) =>
        [.. (await RequestsAsync("WHERE state IN (@open, @rejected) ORDER BY id", new { open = EvidenceStates.Open, rejected = EvidenceStates.Rejected }, cancellationToken).ConfigureAwait(false))
            .Where(r => r.PastDue(now))
            .OrderBy(r => r.DueAt)];

    /// <inheritdoc cref="IEvidenceStore.DecideAsync"/>
    public async Task<bool> DecideAsync(long id, bool accept, string by, string reason, Instant at, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE evidence_requests SET state = @state, decided_by = @by, decided_at = @at, decision = @reason WHERE id = @id AND state = @answered",
            new { id, state = accept ? EvidenceStates.Accepted : EvidenceStates.Rejected, by, at = StoreFormats.Text(at), reason, answered = EvidenceStates.Answered },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc cref="IEvidenceStore.ExtendAsync"/>
    public async Task<bool> ExtendAsync(long id, LocalDate dueDate, Instant dueAt, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE evidence_requests SET due_date = @dueDate, due_at = @dueAt, overdue_at = NULL WHERE id = @id AND state <> @accepted",
            new { id, dueDate = StoreFormats.Text(dueDate), dueAt = StoreFormats.Text(dueAt), accepted = EvidenceStates.Accepted },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc cref="IEvidenceStore.ReopenAsync"/>
    public async Task<bool> ReopenAsync(long id, LocalDate dueDate, Instant dueAt, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE evidence_requests SET state = @open, due_date = @dueDate, due_at = @dueAt, overdue_at = NULL WHERE id = @id AND state IN (@accepted, @rejected)",
            new { id, open = EvidenceStates.Open, dueDate = StoreFormats.Text(dueDate), dueAt = StoreFormats.Text(dueAt), accepted = EvidenceStates.Accepted, rejected = EvidenceStates.Rejected },
            cancellationToken).ConfigureAwait(false) == 1;

    private const string OfOrderWhere = "WHERE order_id = @orderId AND (@partner IS NULL OR partner = @partner) ORDER BY id DESC";

    private async Task<List<EvidenceRequest>> RequestsAsync(string where, object parameters, CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<RequestRow>(uow.Command($"SELECT {RequestColumns} FROM evidence_requests {where}", parameters, cancellationToken)).ConfigureAwait(false))
            .Select(Request)
            .ToList();

    private Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        uow.Connection.ExecuteAsync(uow.Command(sql, parameters, cancellationToken));

    private static EvidenceRequest Request(RequestRow r) => new(
        r.Id, r.OrderId, r.Partner, r.Kind, r.Pon, r.Reason, JsonSerializer.Deserialize<List<string>>(r.Tns) ?? [],
        StoreFormats.Date(r.DueDate)!.Value, StoreFormats.Instant(r.DueAt), r.State, r.OpenedBy, StoreFormats.Instant(r.OpenedAt),
        r.DecidedBy, r.DecidedAt is null ? null : StoreFormats.Instant(r.DecidedAt), r.Decision);

    private sealed record RequestRow(
        long Id, long OrderId, string Partner, string Kind, string Pon, string Reason, string Tns, string DueDate, string DueAt,
        string State, string OpenedBy, string OpenedAt, string? DecidedBy, string? DecidedAt, string Decision);
}

/// <summary>The <see cref="EvidenceStore"/> of a unit of work.</summary>
public static class EvidenceStoreAccess
{
    extension(IUnitOfWork uow)
    {
        public EvidenceStore Evidence => uow.Store(static u => new EvidenceStore(u));
    }
}
