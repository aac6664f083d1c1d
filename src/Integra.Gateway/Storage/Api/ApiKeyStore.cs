using Dapper;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Api.Keys;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.Api;

/// <summary>
/// The partner API's keys (<c>api_keys</c>) on a unit of work: every statement reads or writes one partner's keys, or
/// one key by its public id (the bearer token's look-up, on every API call). Async: the look-up serves a request.
/// </summary>
public sealed class ApiKeyStore(IUnitOfWork uow)
{
    private const string KeyColumns =
        "id AS Id, partner AS Partner, name AS Name, key_id AS KeyId, secret_hash AS SecretHash, privileges AS Privileges, created_by AS CreatedBy, " +
        "created_at AS CreatedAt, expires_at AS ExpiresAt, revoked_by AS RevokedBy, revoked_at AS RevokedAt";

    /// <summary>Records a new key and returns it as stored.</summary>
    public async Task<ApiKey> AddAsync(NewApiKey key, CancellationToken cancellationToken)
    {
        var id = await uow.Connection.ExecuteScalarAsync<long>(uow.Command(
            """
            INSERT INTO api_keys (partner, name, key_id, secret_hash, privileges, created_by, created_at, expires_at)
            VALUES (@Partner, @Name, @KeyId, @SecretHash, @privileges, @CreatedBy, @createdAt, @expiresAt)
            RETURNING id
            """,
            new { key.Partner, key.Name, key.KeyId, key.SecretHash, privileges = PrivilegeText.Format(key.Privileges), key.CreatedBy, createdAt = ApiTimes.Text(key.CreatedAt), expiresAt = ApiTimes.Text(key.ExpiresAt) },
            cancellationToken)).ConfigureAwait(false);

        // Read back rather than RETURNING every column: SQLite gives a returned NULL no column type, which Dapper's
        // record constructor refuses.
        return Read(await uow.Connection.QuerySingleAsync<KeyRow>(uow.Command($"SELECT {KeyColumns} FROM api_keys WHERE id = @id", new { id }, cancellationToken)).ConfigureAwait(false)).Key;
    }

    /// <summary>
    /// The key with this public id, the hash of its secret, and whether its partner's portal and API access is switched
    /// off (<c>portal_partner_access</c>, written by the portal's accounts): one round trip for every API call's
    /// authentication. Null when there is no such key.
    /// </summary>
    public async Task<(ApiKey Key, string SecretHash, bool PartnerDisabled)?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var found = await uow.Connection.QueryFirstOrDefaultAsync<FoundRow>(uow.Command(
            $"""
            SELECT k.id AS Id, k.partner AS Partner, k.name AS Name, k.key_id AS KeyId, k.secret_hash AS SecretHash, k.privileges AS Privileges,
                   k.created_by AS CreatedBy, k.created_at AS CreatedAt, k.expires_at AS ExpiresAt, k.revoked_by AS RevokedBy, k.revoked_at AS RevokedAt,
                   COALESCE(a.disabled, 0) AS PartnerDisabled
            FROM api_keys k LEFT JOIN portal_partner_access a ON a.partner = k.partner WHERE k.key_id = @keyId
            """,
            new { keyId },
            cancellationToken)).ConfigureAwait(false);
        if (found is null)
        {
            return null;
        }

        var (key, secretHash) = Read(new KeyRow(found.Id, found.Partner, found.Name, found.KeyId, found.SecretHash, found.Privileges, found.CreatedBy, found.CreatedAt, found.ExpiresAt, found.RevokedBy, found.RevokedAt));
        return (key, secretHash, found.PartnerDisabled != 0);
    }

    /// <summary>The partner's keys, revoked ones included, newest first.</summary>
    public async Task<IReadOnlyList<ApiKey>> OfPartnerAsync(string partner, CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<KeyRow>(uow.Command($"SELECT {KeyColumns} FROM api_keys WHERE partner = @partner ORDER BY id DESC", new { partner }, cancellationToken)).ConfigureAwait(false))
            .Select(r => Read(r).Key)
            .ToList();

    /// <summary>Revokes a usable key of the partner; false when it is not the partner's or already revoked.</summary>
    public async Task<bool> RevokeAsync(string partner, long id, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        await uow.Connection.ExecuteAsync(uow.Command(
            "UPDATE api_keys SET revoked_by = @by, revoked_at = @at WHERE id = @id AND partner = @partner AND revoked_at IS NULL",
            new { partner, id, by, at = ApiTimes.Text(at) },
            cancellationToken)).ConfigureAwait(false) == 1;

    private static (ApiKey Key, string SecretHash) Read(KeyRow r) =>
        (new ApiKey(r.Id, r.Partner, r.Name, r.KeyId, PrivilegeText.Parse(r.Privileges), r.CreatedBy, ApiTimes.Time(r.CreatedAt), r.ExpiresAt is null ? null : ApiTimes.Time(r.ExpiresAt), r.RevokedBy, r.RevokedAt is null ? null : ApiTimes.Time(r.RevokedAt)), r.SecretHash);

    // Setters, not a positional record: SQLite reports the COALESCE column of a row as a blob to Dapper's constructor
    // matching when the partner has no access row.
    private sealed class FoundRow
    {
        public long Id { get; init; }

        public string Partner { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public string KeyId { get; init; } = string.Empty;

        public string SecretHash { get; init; } = string.Empty;

        public string Privileges { get; init; } = string.Empty;

        public string CreatedBy { get; init; } = string.Empty;

        public string CreatedAt { get; init; } = string.Empty;

        public string? ExpiresAt { get; init; }

        public string? RevokedBy { get; init; }

        public string? RevokedAt { get; init; }

        public long PartnerDisabled { get; init; }
    }

    private sealed record KeyRow(long Id, string Partner, string Name, string KeyId, string SecretHash, string Privileges, string CreatedBy, string CreatedAt, string? ExpiresAt, string? RevokedBy, string? RevokedAt);
}

/// <summary>The <see cref="ApiKeyStore"/> of a unit of work.</summary>
public static class ApiKeyStoreAccess
{
    extension(IUnitOfWork uow)
    {
        public ApiKeyStore ApiKeys => uow.Store(static u => new ApiKeyStore(u));
    }
}
