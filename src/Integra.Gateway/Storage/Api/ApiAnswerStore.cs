using System.Text.Json;
using Dapper;
using Integra.Gateway.Portal.Api.Keys;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.Api;

/// <summary>
/// What the partner API answers from the store on a unit of work: the first answer of each idempotency key
/// (<c>api_idempotency</c>) and the answer feed (the partner's <c>portal_inbox</c> after a cursor). Every statement
/// takes the partner.
/// </summary>
public sealed class ApiAnswerStore(IUnitOfWork uow)
{
    // As PortalInboxStore's own filter: the answers of a sender's submissions, and the later answers of their orders.
    private const string OfSubmitter = """
         AND (submission_id IN (SELECT s.id FROM portal_submissions s WHERE s.partner = @partner AND s.submitted_by = @submittedBy)
          OR outbox_id IN (SELECT o.id FROM outbox o JOIN versions v ON v.order_id = o.order_id
                           JOIN portal_submissions s ON s.partner = @partner AND s.file_name = v.file_name
                           WHERE o.partner = @partner AND v.channel IN ('portal', 'api') AND s.submitted_by = @submittedBy))
        """;

    /// <summary>The answer kept for this partner's idempotency key; null when the key is new.</summary>
    public async Task<IdempotentAnswer?> FindAsync(string partner, string idempotencyKey, CancellationToken cancellationToken) =>
        await uow.Connection.QueryFirstOrDefaultAsync<AnswerRow>(uow.Command(
                "SELECT request_hash AS RequestHash, status AS Status, body AS Body, created_at AS CreatedAt FROM api_idempotency WHERE partner = @partner AND idempotency_key = @idempotencyKey",
                new { partner, idempotencyKey },
                cancellationToken)).ConfigureAwait(false) is { } r
            ? new IdempotentAnswer(r.RequestHash, (int)r.Status, r.Body, ApiTimes.Time(r.CreatedAt))
            : null;

    /// <summary>
    /// Keeps <paramref name="answer"/> unless the key has one already, and returns the one kept: running it again (a
    /// retry after a lost connection) changes nothing.
    /// </summary>
    public async Task<IdempotentAnswer> KeepAsync(string partner, string idempotencyKey, IdempotentAnswer answer, CancellationToken cancellationToken)
    {
        await uow.Connection.ExecuteAsync(uow.Command(
            """
            INSERT INTO api_idempotency (partner, idempotency_key, request_hash, status, body, created_at)
            VALUES (@partner, @idempotencyKey, @RequestHash, @status, @Body, @at)
            ON CONFLICT (partner, idempotency_key) DO NOTHING
            """,
            new { partner, idempotencyKey, answer.RequestHash, status = (long)answer.Status, answer.Body, at = ApiTimes.Text(answer.At) },
            cancellationToken)).ConfigureAwait(false);
        return (await FindAsync(partner, idempotencyKey, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The partner's answers after the entry <paramref name="after"/>, oldest first; with <paramref name="submittedBy"/> only that sender's.</summary>
    public async Task<IReadOnlyList<FeedEntry>> FeedAsync(string partner, long after, int limit, string? submittedBy, CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<FeedRow>(uow.Command(
                $"SELECT id AS Id, file_name AS FileName, cells AS Cells, delivered_at AS DeliveredAt FROM portal_inbox WHERE partner = @partner AND id > @after{(submittedBy is null ? string.Empty : OfSubmitter)} ORDER BY id LIMIT @limit",
                new { partner, after, limit = (long)limit, submittedBy },
                cancellationToken)).ConfigureAwait(false))
            .Select(r => new FeedEntry(r.Id, r.FileName, ApiTimes.Time(r.DeliveredAt), JsonSerializer.Deserialize<List<string[]>>(r.Cells)!))
            .ToList();

    private sealed record AnswerRow(string RequestHash, long Status, string Body, string CreatedAt);

    private sealed record FeedRow(long Id, string FileName, string Cells, string DeliveredAt);
}

/// <summary>The <see cref="ApiAnswerStore"/> of a unit of work.</summary>
public static class ApiAnswerStoreAccess
{
    extension(IUnitOfWork uow)
    {
        public ApiAnswerStore ApiAnswers => uow.Store(static u => new ApiAnswerStore(u));
    }
}
