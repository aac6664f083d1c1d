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

    /// <summary>The key with this public id and the hash of its secret; null when there is none.</summary>
    public async Task<(ApiKey Key, string SecretHash)?> FindAsync(string keyId, CancellationToken cancellationToken) =>
        await uow.Connection.QueryFirstOrDefaultAsync<KeyRow>(uow.Command($"SELECT {KeyColumns} FROM api_keys WHERE key_id = @keyId", new { keyId }, cancellationToken)).ConfigureAwait(false) is { } row
            ? Read(row)
            : null;

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
