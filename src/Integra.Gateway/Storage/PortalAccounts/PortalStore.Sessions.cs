using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Partners;

namespace Integra.Gateway.Storage.PortalAccounts;

/// <summary>Sign-in sessions (the cookie's ticket store) and the staff admins' switch of a partner's access: read on every request.</summary>
public sealed partial class PortalStore
{
    public Task AddSessionAsync(string key, long userId, byte[] ticket, DateTimeOffset? expires, CancellationToken cancellationToken) =>
        ExecuteAsync("portal: add session", "INSERT INTO portal_sessions (key_hash, user_id, ticket, expires_at) VALUES (@key, @userId, @ticket, @expires)", new { key, userId, ticket, expires = Text(expires) }, cancellationToken);

    // The session, its user and the partner's switch in one statement: the cookie handler and the session check of every
    // request need all three, and one round trip instead of three is what a page under load notices.
    public async Task<PortalSession?> FindSessionAsync(string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        await QuerySingleAsync<SessionRow, SessionRow>(
            "portal: session",
            """
            SELECT s.ticket, s.expires_at AS session_expires_at,
                   u.id, u.email, u.name, u.role, u.partner, u.privileges, u.password_hash, u.disabled, u.failed_sign_ins, u.locked_until, u.created_at,
                   a.partner AS access_partner, a.disabled AS access_disabled, a.reason AS access_reason, a.changed_by AS access_changed_by, a.changed_at AS access_changed_at
            FROM portal_sessions s
            LEFT JOIN portal_users u ON u.id = s.user_id
            LEFT JOIN portal_partner_access a ON a.partner = u.partner
            WHERE s.key_hash = @key
            """,
            new { key },
            r => r,
            cancellationToken).ConfigureAwait(false) is { } r
        && (r.Session_Expires_At is null || Time(r.Session_Expires_At) > now)
            ? Session(r)
            : null;

    public Task RenewSessionAsync(string key, byte[] ticket, DateTimeOffset? expires, CancellationToken cancellationToken) =>
        ExecuteAsync("portal: renew session", "UPDATE portal_sessions SET ticket = @ticket, expires_at = @expires WHERE key_hash = @key", new { key, ticket, expires = Text(expires) }, cancellationToken);

    public Task RemoveSessionAsync(string key, CancellationToken cancellationToken) =>
        ExecuteAsync("portal: remove session", "DELETE FROM portal_sessions WHERE key_hash = @key", new { key }, cancellationToken);

    public Task RemoveSessionsOfAsync(long userId, CancellationToken cancellationToken) =>
        ExecuteAsync("portal: remove sessions", "DELETE FROM portal_sessions WHERE user_id = @userId", new { userId }, cancellationToken);

    public Task<IReadOnlyList<PartnerAccess>> PartnerAccessAsync(CancellationToken cancellationToken) =>
        QueryAsync<AccessRow, PartnerAccess>("portal: partner access", AccessColumns + "ORDER BY partner", null, Access, cancellationToken);

    public Task<PartnerAccess?> FindPartnerAccessAsync(string partner, CancellationToken cancellationToken) =>
        QuerySingleAsync<AccessRow, PartnerAccess>("portal: partner access", AccessColumns + "WHERE partner = @partner", new { partner }, Access, cancellationToken);

    public Task SetPartnerAccessAsync(PartnerAccess access, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "portal: set partner access",
            """
            INSERT INTO portal_partner_access (partner, disabled, reason, changed_by, changed_at) VALUES (@Partner, @disabled, @Reason, @ChangedBy, @at)
            ON CONFLICT (partner) DO UPDATE SET disabled = @disabled, reason = @Reason, changed_by = @ChangedBy, changed_at = @at
            """,
            new { access.Partner, disabled = access.Disabled ? 1L : 0L, access.Reason, access.ChangedBy, at = Text(access.ChangedAt) },
            cancellationToken);
}
