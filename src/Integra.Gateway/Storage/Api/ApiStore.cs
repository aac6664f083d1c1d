using System.Text.Json;
using Dapper;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Api.Keys;
using NodaTime;

using Integra.Gateway.Storage.Connections;

namespace Integra.Gateway.Storage.Api;

/// <summary>
/// The partner API's tables (<see cref="IApiStore"/>) in the order store's database, every statement of it in this file.
/// Like <see cref="PortalAccounts.PortalStore"/>: each call opens its own connection and is its own unit of work, so web requests run
/// side by side and several instances on one PostgreSQL database share keys and idempotent answers.
/// </summary>
public sealed class ApiStore : IApiStore
{
    private const string KeyColumns =
        "SELECT id AS Id, partner AS Partner, name AS Name, key_id AS KeyId, secret_hash AS SecretHash, privileges AS Privileges, created_by AS CreatedBy, " +
        "created_at AS CreatedAt, expires_at AS ExpiresAt, revoked_by AS RevokedBy, revoked_at AS RevokedAt FROM api_keys ";

    // As PortalInboxStore's own filter: the answers of a sender's submissions, and the later answers of their orders.
    private const string OfSubmitter = """
         AND (submission_id IN (SELECT s.id FROM portal_submissions s WHERE s.partner = @partner AND s.submitted_by = @submittedBy)
          OR outbox_id IN (SELECT o.id FROM outbox o JOIN versions v ON v.order_id = o.order_id
                           JOIN portal_submissions s ON s.partner = @partner AND s.file_name = v.file_name
                           WHERE o.partner = @partner AND v.channel IN ('portal', 'api') AND s.submitted_by = @submittedBy))
        """;

    private readonly StoreDialect _dialect;

    private ApiStore(StoreDialect dialect) => _dialect = dialect;

    /// <summary>The API's tables of the store at <paramref name="database"/>, migrated at start by the host.</summary>
    public static ApiStore Open(string database) => new(StoreDialect.For(StoreLocation.Parse(database)));

    public ApiKey AddKey(NewApiKey key)
    {
        using var connection = _dialect.Open();
        var id = connection.ExecuteScalar<long>(
            """
            INSERT INTO api_keys (partner, name, key_id, secret_hash, privileges, created_by, created_at, expires_at)
            VALUES (@Partner, @Name, @KeyId, @SecretHash, @privileges, @CreatedBy, @createdAt, @expiresAt)
            RETURNING id
            """,
            new { key.Partner, key.Name, key.KeyId, key.SecretHash, privileges = PrivilegeText.Format(key.Privileges), key.CreatedBy, createdAt = Text(key.CreatedAt), expiresAt = Text(key.ExpiresAt) });
        return Read(connection.QuerySingle<KeyRow>(KeyColumns + "WHERE id = @id", new { id })).Key;
    }

    public (ApiKey Key, string SecretHash)? FindKey(string keyId)
    {
        using var connection = _dialect.Open();
        return connection.QueryFirstOrDefault<KeyRow>(KeyColumns + "WHERE key_id = @keyId", new { keyId }) is { } row ? Read(row) : null;
    }

    public IReadOnlyList<ApiKey> KeysOf(string partner)
    {
        using var connection = _dialect.Open();
        return connection.Query<KeyRow>(KeyColumns + "WHERE partner = @partner ORDER BY id DESC", new { partner }).Select(r => Read(r).Key).ToList();
    }

    public bool Revoke(string partner, long id, string by, DateTimeOffset at)
    {
        using var connection = _dialect.Open();
        return connection.Execute(
            "UPDATE api_keys SET revoked_by = @by, revoked_at = @at WHERE id = @id AND partner = @partner AND revoked_at IS NULL",
            new { partner, id, by, at = Text(at) }) == 1;
    }

    public IdempotentAnswer? FindAnswer(string partner, string idempotencyKey)
    {
        using var connection = _dialect.Open();
        return FindAnswer(connection, partner, idempotencyKey);
    }

    public IdempotentAnswer KeepAnswer(string partner, string idempotencyKey, IdempotentAnswer answer)
    {
        using var connection = _dialect.Open();
        connection.Execute(
            """
            INSERT INTO api_idempotency (partner, idempotency_key, request_hash, status, body, created_at)
            VALUES (@partner, @idempotencyKey, @RequestHash, @status, @Body, @at)
            ON CONFLICT (partner, idempotency_key) DO NOTHING
            """,
            new { partner, idempotencyKey, answer.RequestHash, status = (long)answer.Status, answer.Body, at = Text(answer.At) });
        return FindAnswer(connection, partner, idempotencyKey)!;
    }

    public IReadOnlyList<FeedEntry> Feed(string partner, long after, int limit, string? submittedBy)
    {
        using var connection = _dialect.Open();
        return connection.Query<(long Id, string FileName, string Cells, string DeliveredAt)>(
                $"SELECT id, file_name, cells, delivered_at FROM portal_inbox WHERE partner = @partner AND id > @after{(submittedBy is null ? string.Empty : OfSubmitter)} ORDER BY id LIMIT @limit",
                new { partner, after, limit = (long)limit, submittedBy })
            .Select(r => new FeedEntry(r.Id, r.FileName, Time(r.DeliveredAt), JsonSerializer.Deserialize<List<string[]>>(r.Cells)!))
            .ToList();
    }

    private static IdempotentAnswer? FindAnswer(System.Data.Common.DbConnection connection, string partner, string idempotencyKey) =>
        connection.QueryFirstOrDefault<(string RequestHash, long Status, string Body, string CreatedAt)>(
                "SELECT request_hash, status, body, created_at FROM api_idempotency WHERE partner = @partner AND idempotency_key = @idempotencyKey",
                new { partner, idempotencyKey }) is { RequestHash: not null } r
            ? new IdempotentAnswer(r.RequestHash, (int)r.Status, r.Body, Time(r.CreatedAt))
            : null;

    private static (ApiKey Key, string SecretHash) Read(KeyRow r) =>
        (new ApiKey(r.Id, r.Partner, r.Name, r.KeyId, PrivilegeText.Parse(r.Privileges), r.CreatedBy, Time(r.CreatedAt), r.ExpiresAt is null ? null : Time(r.ExpiresAt), r.RevokedBy, r.RevokedAt is null ? null : Time(r.RevokedAt)), r.SecretHash);

    private static string? Text(DateTimeOffset? at) => at is { } a ? StoreFormats.Text(Instant.FromDateTimeOffset(a)) : null;

    private static DateTimeOffset Time(string text) => StoreFormats.Instant(text).ToDateTimeOffset();

    private sealed record KeyRow(long Id, string Partner, string Name, string KeyId, string SecretHash, string Privileges, string CreatedBy, string CreatedAt, string? ExpiresAt, string? RevokedBy, string? RevokedAt);
}
