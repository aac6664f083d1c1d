using Integra.Gateway.Portal.Accounts;

namespace Integra.Gateway.Portal.Api.Keys;

/// <summary>
/// A partner's API key (SPEC §8) as kept: never its secret, only <see cref="KeyId"/>, the public part a partner sees in
/// lists and logs. Privileges are a portal user's (SPEC §7). Usable while not revoked and not past
/// <see cref="ExpiresAt"/>.
/// </summary>
public sealed record ApiKey(
    long Id,
    string Partner,
    string Name,
    string KeyId,
    Privileges Privileges,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    string? RevokedBy,
    DateTimeOffset? RevokedAt)
{
    public bool IsUsable(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expires || now < expires);

    /// <summary>Who the key's calls were made by, in the audit trail and as a submission's sender.</summary>
    public string Actor => $"api-key:{Name} ({KeyId})";
}

/// <summary>A key before the store gives it an id: the hash of its secret, never the secret.</summary>
public sealed record NewApiKey(string Partner, string Name, string KeyId, string SecretHash, Privileges Privileges, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);
