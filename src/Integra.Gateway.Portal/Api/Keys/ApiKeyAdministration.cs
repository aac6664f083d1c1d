using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Audit;
using Microsoft.AspNetCore.Http;

namespace Integra.Gateway.Portal.Api.Keys;

/// <summary>
/// Creating and revoking API keys (SPEC §8): a partner administrator for the own partner, a staff admin revokes any.
/// Each action is in the audit trail with the key's name and public id, never its secret.
/// </summary>
public sealed class ApiKeyAdministration(IApiStore store, Auditor audit, TimeProvider time)
{
    /// <summary>The longest key name (kept in the audit trail with every call).</summary>
    public const int MaxNameLength = 80;

    /// <summary>
    /// A new key of <paramref name="admin"/>'s partner and its token, which is shown this once and kept nowhere; null
    /// when the name is blank or too long, no privilege is given, or the expiry is not in the future.
    /// </summary>
    public async Task<(ApiKey Key, string Token)?> CreateAsync(HttpContext context, PortalUser admin, string? name, Privileges privileges, DateTimeOffset? expiresAt)
    {
        var now = time.GetUtcNow();
        var partner = admin.Role == PortalRoles.PartnerAdmin ? admin.Partner : null;
        var trimmed = name?.Trim() ?? string.Empty;
        if (partner is null || trimmed.Length is 0 or > MaxNameLength || trimmed.Any(char.IsControl) || privileges == Privileges.None || expiresAt <= now)
        {
            return null;
        }

        var (keyId, token, hash) = ApiKeySecret.New();
        var key = await store.AddKeyAsync(new NewApiKey(partner, trimmed, keyId, hash, privileges, admin.Email, now, expiresAt), context.RequestAborted);
        await audit.RecordAsync(context, admin.Email, partner, ApiAuditActions.KeyCreated, key.Actor, $"privileges {PrivilegeText.Format(privileges)}{(expiresAt is { } e ? $", expires {e:yyyy-MM-dd HH:mm} UTC" : string.Empty)}");
        return (key, token);
    }

    /// <summary>The partner's keys, revoked and expired ones included, newest first.</summary>
    public Task<IReadOnlyList<ApiKey>> KeysOfAsync(string partner, CancellationToken cancellationToken) => store.KeysOfAsync(partner, cancellationToken);

    /// <summary>Revokes a key of <paramref name="partner"/> at once (the next call with it is 401); false when there is no such usable key.</summary>
    public async Task<bool> RevokeAsync(HttpContext context, PortalUser by, string partner, long id)
    {
        var key = (await store.KeysOfAsync(partner, context.RequestAborted)).FirstOrDefault(k => k.Id == id);
        if (key is null || !await store.RevokeAsync(partner, id, by.Email, time.GetUtcNow(), context.RequestAborted))
        {
            return false;
        }

        await audit.RecordAsync(context, by.Email, partner, ApiAuditActions.KeyRevoked, key.Actor, by.IsStaff ? "revoked by Integra staff" : string.Empty);
        return true;
    }
}

/// <summary>The audit trail's actions of the partner API.</summary>
public static class ApiAuditActions
{
    public const string KeyCreated = "api-key-created";
    public const string KeyRevoked = "api-key-revoked";

    /// <summary>A call made with a key: target is the method and path, detail the status answered.</summary>
    public const string Call = "api-call";

    /// <summary>A call with a token that is no usable key (unknown, wrong secret, revoked, expired).</summary>
    public const string Refused = "api-key-refused";
}
