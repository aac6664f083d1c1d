using System.Text.Json;
using Dapper;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Onboarding;
using Integra.Gateway.Portal.Partners;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage.Connections;
using NodaTime;

namespace Integra.Gateway.Storage.PortalAccounts;

/// <summary>
/// The portal's tables (<see cref="IPortalStore"/>) in the order store's database. Every call opens its own
/// connection and is its own unit of work, so web requests run side by side and several gateway instances on one
/// PostgreSQL database share accounts, sessions and keys. Times are ISO instants, compared in code, not in SQL.
/// </summary>
public sealed partial class PortalStore : IPortalStore
{
    private readonly StoreDialect _dialect;

    private PortalStore(StoreDialect dialect) => _dialect = dialect;

    /// <summary>The portal's tables of the store at <paramref name="database"/> (see <see cref="StoreLocation"/>), migrated at start by the host.</summary>
    public static PortalStore Open(string database) => new(StoreDialect.For(StoreLocation.Parse(database)));

    public PortalUser? FindUser(long id) => QueryUsers("WHERE id = @id", new { id }).SingleOrDefault();

    public PortalUser? FindUser(string email) => QueryUsers("WHERE email_key = @key", new { key = EmailKey(email) }).SingleOrDefault();

    public IReadOnlyList<PortalUser> UsersOf(string? partner) =>
        partner is null ? QueryUsers("WHERE partner IS NULL ORDER BY email_key", null) : QueryUsers("WHERE partner = @partner ORDER BY email_key", new { partner });

    public PortalUser? AddUser(NewPortalUser user, DateTimeOffset now)
    {
        using var connection = _dialect.Open();
        using var transaction = connection.BeginTransaction();
        var id = InsertUser(connection, transaction, user, now);
        transaction.Commit();
        return id is null ? null : FindUser(id.Value);
    }

    public void SetPrivileges(long userId, Privileges privileges) =>
        Execute("UPDATE portal_users SET privileges = @p WHERE id = @userId", new { userId, p = PrivilegeText.Format(privileges) });

    public void SetDisabled(long userId, bool disabled) =>
        Execute("UPDATE portal_users SET disabled = @d WHERE id = @userId", new { userId, d = disabled ? 1L : 0L });

    public void SetPassword(long userId, string hash) =>
        Execute("UPDATE portal_users SET password_hash = @hash, failed_sign_ins = 0, locked_until = NULL WHERE id = @userId", new { userId, hash });

    public int CountFailure(long userId)
    {
        using var connection = _dialect.Open();
        return (int)connection.ExecuteScalar<long>("UPDATE portal_users SET failed_sign_ins = failed_sign_ins + 1 WHERE id = @userId RETURNING failed_sign_ins", new { userId });
    }

    public void SetLockout(long userId, DateTimeOffset? until, int failures) =>
        Execute("UPDATE portal_users SET locked_until = @until, failed_sign_ins = @failures WHERE id = @userId", new { userId, until = Text(until), failures = (long)failures });

    public void AddToken(string tokenHash, long userId, string purpose, DateTimeOffset expires) =>
        Execute("INSERT INTO portal_tokens (token_hash, user_id, purpose, expires_at) VALUES (@tokenHash, @userId, @purpose, @expires)", new { tokenHash, userId, purpose, expires = Text(expires) });

    public long? PeekToken(string tokenHash, string purpose, DateTimeOffset now)
    {
        using var connection = _dialect.Open();
        var row = connection.Query<(long UserId, string Expires)>(
            "SELECT user_id, expires_at FROM portal_tokens WHERE token_hash = @tokenHash AND purpose = @purpose AND used_at IS NULL", new { tokenHash, purpose }).Select(r => ((long UserId, string Expires)?)r).SingleOrDefault();
        return row is { } r && Time(r.Expires) > now ? r.UserId : null;
    }

    public long? UseToken(string tokenHash, string purpose, DateTimeOffset now)
    {
        using var connection = _dialect.Open();
        var row = connection.Query<(long UserId, string Expires)>(
            "UPDATE portal_tokens SET used_at = @now WHERE token_hash = @tokenHash AND purpose = @purpose AND used_at IS NULL RETURNING user_id, expires_at",
            new { tokenHash, purpose, now = Text(now) }).Select(r => ((long UserId, string Expires)?)r).SingleOrDefault();
        return row is { } r && Time(r.Expires) > now ? r.UserId : null;
    }

    public void AddSession(string key, long userId, byte[] ticket, DateTimeOffset? expires) =>
        Execute("INSERT INTO portal_sessions (key_hash, user_id, ticket, expires_at) VALUES (@key, @userId, @ticket, @expires)", new { key, userId, ticket, expires = Text(expires) });

    public byte[]? FindSession(string key, DateTimeOffset now)
    {
        using var connection = _dialect.Open();
        var row = connection.Query<(byte[] Ticket, string? Expires)>("SELECT ticket, expires_at FROM portal_sessions WHERE key_hash = @key", new { key })
            .Select(r => ((byte[] Ticket, string? Expires)?)r).SingleOrDefault();
        return row is { } r && (r.Expires is null || Time(r.Expires) > now) ? r.Ticket : null;
    }

    public void RenewSession(string key, byte[] ticket, DateTimeOffset? expires) =>
        Execute("UPDATE portal_sessions SET ticket = @ticket, expires_at = @expires WHERE key_hash = @key", new { key, ticket, expires = Text(expires) });

    public void RemoveSession(string key) => Execute("DELETE FROM portal_sessions WHERE key_hash = @key", new { key });

    public void RemoveSessionsOf(long userId) => Execute("DELETE FROM portal_sessions WHERE user_id = @userId", new { userId });

    public IReadOnlyList<string> DataProtectionKeys()
    {
        using var connection = _dialect.Open();
        return connection.Query<string>("SELECT xml FROM portal_keys ORDER BY id").ToList();
    }

    public void AddDataProtectionKey(string name, string xml) =>
        Execute("INSERT INTO portal_keys (name, xml) VALUES (@name, @xml)", new { name, xml });

    public void AddAudit(AuditEntry entry) =>
        Execute(
            "INSERT INTO portal_audit (at, actor, partner, action, target, detail, address) VALUES (@at, @Actor, @Partner, @Action, @Target, @Detail, @Address)",
            new { at = Text(entry.At), entry.Actor, entry.Partner, entry.Action, entry.Target, entry.Detail, entry.Address });

    public IReadOnlyList<AuditEntry> Audit(string? partner, int limit)
    {
        using var connection = _dialect.Open();
        return connection.Query<(string At, string Actor, string? Partner, string Action, string Target, string Detail, string Address)>(
                "SELECT at, actor, partner, action, target, detail, address FROM portal_audit WHERE (@partner IS NULL OR partner = @partner) ORDER BY id DESC LIMIT @limit",
                new { partner, limit = (long)limit })
            .Select(r => new AuditEntry(Time(r.At), r.Actor, r.Partner, r.Action, r.Target, r.Detail, r.Address))
            .ToList();
    }

    public IReadOnlyList<AuditRow> AuditPage(AuditFilter filter, long? before, int limit)
    {
        // Days compare as text against the stored ISO instants: "2026-12-06" sorts before every instant of that day
        // and after every instant of the day before, whatever the fraction of a second. The day after To is the
        // exclusive end; To = 9999-12-31 has none, so it is no bound.
        var from = filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var until = filter.To is { } to && to < LocalDate.MaxIsoValue ? to.PlusDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
        using var connection = _dialect.Open();
        return connection.Query<(long Id, string At, string Actor, string? Partner, string Action, string Target, string Detail, string Address)>(
                """
                SELECT id, at, actor, partner, action, target, detail, address FROM portal_audit
                WHERE (@before IS NULL OR id < @before)
                  AND (@actor IS NULL OR lower(actor) = lower(@actor))
                  AND (@partner IS NULL OR partner = @partner)
                  AND (@action IS NULL OR action = @action)
                  AND (@from IS NULL OR at >= @from)
                  AND (@until IS NULL OR at < @until)
                ORDER BY id DESC LIMIT @limit
                """,
                new { before, actor = filter.Actor, partner = filter.Partner, action = filter.Action, from, until, limit = (long)limit })
            .Select(r => new AuditRow(r.Id, new AuditEntry(Time(r.At), r.Actor, r.Partner, r.Action, r.Target, r.Detail, r.Address)))
            .ToList();
    }

    public ProfileSubmission AddProfile(string source, TradingPartnerProfile profile, DateTimeOffset receivedAt, DateTimeOffset dueAt)
    {
        using var connection = _dialect.Open();
        var id = connection.ExecuteScalar<long>(
            "INSERT INTO portal_profiles (source, form, received_at, due_at, state) VALUES (@source, @form, @received, @due, @state) RETURNING id",
            new { source, form = JsonSerializer.Serialize(profile), received = Text(receivedAt), due = Text(dueAt), state = ProfileStates.Received });
        return FindProfile(id)!;
    }

    public (ProfileSubmission Submission, bool Added) AddProfileOnce(string source, string formId, TradingPartnerProfile profile, DateTimeOffset receivedAt, DateTimeOffset dueAt)
    {
        using var connection = _dialect.Open();

        // Two posts of one form at once: the unique form_id lets exactly one insert through, the other reads it.
        var id = connection.Query<long>(
            "INSERT INTO portal_profiles (source, form, received_at, due_at, state, form_id) VALUES (@source, @form, @received, @due, @state, @formId) ON CONFLICT (form_id) DO NOTHING RETURNING id",
            new { source, form = JsonSerializer.Serialize(profile), received = Text(receivedAt), due = Text(dueAt), state = ProfileStates.Received, formId }).Select(i => (long?)i).SingleOrDefault();
        return id is { } added
            ? (FindProfile(added)!, true)
            : (QueryProfiles("WHERE form_id = @formId", new { formId }).Single(), false);
    }

    public ProfileSubmission? FindProfile(long id) => QueryProfiles("WHERE id = @id", new { id }).SingleOrDefault();

    public IReadOnlyList<ProfileSubmission> Profiles() =>
        [.. QueryProfiles("ORDER BY id", null)
            .OrderBy(p => p.State == ProfileStates.Received ? 0 : 1)
            .ThenBy(p => p.State == ProfileStates.Received ? p.DueAt.UtcTicks : -(p.DecidedAt ?? p.ReceivedAt).UtcTicks)];

    public bool RejectProfile(long id, string by, string reason, DateTimeOffset at) =>
        Execute(
            "UPDATE portal_profiles SET state = @state, decided_at = @at, decided_by = @by, reason = @reason WHERE id = @id AND state = @received",
            new { id, by, reason, at = Text(at), state = ProfileStates.Rejected, received = ProfileStates.Received }) == 1;

    public bool ApproveProfile(long id, Partner partner, IReadOnlyList<NewPortalUser> administrators, string by, DateTimeOffset at)
    {
        using var connection = _dialect.Open();
        using var transaction = connection.BeginTransaction();
        var decided = connection.Execute(
            "UPDATE portal_profiles SET state = @state, decided_at = @at, decided_by = @by WHERE id = @id AND state = @received",
            new { id, by, at = Text(at), state = ProfileStates.Approved, received = ProfileStates.Received },
            transaction);
        var taken = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM portal_partners WHERE id = @Id OR ccna = @Ccna", new { partner.Id, partner.Ccna }, transaction);
        if (decided != 1 || taken > 0)
        {
            return false;
        }

        connection.Execute(
            "INSERT INTO portal_partners (id, ccna, name, type, emails, profile_id, created_at) VALUES (@Id, @Ccna, @Name, @type, @emails, @profile, @at)",
            new { partner.Id, partner.Ccna, partner.Name, type = partner.Type.ToString(), emails = string.Join(';', partner.Emails), profile = id, at = Text(at) },
            transaction);
        if (administrators.Any(a => InsertUser(connection, transaction, a, at) is null))
        {
            return false;
        }

        transaction.Commit();
        return true;
    }

    public IReadOnlyList<Partner> ApprovedPartners()
    {
        using var connection = _dialect.Open();
        return connection.Query<(string Id, string Ccna, string Name, string Type, string Emails)>("SELECT id, ccna, name, type, emails FROM portal_partners ORDER BY id")
            .Select(r => new Partner(r.Id, r.Ccna, r.Name, Enum.Parse<PartnerType>(r.Type), r.Emails.Split(';', StringSplitOptions.RemoveEmptyEntries), null, null))
            .ToList();
    }

    public bool ApproveProfileForExisting(long id, IReadOnlyList<NewPortalUser> administrators, string by, DateTimeOffset at)
    {
        using var connection = _dialect.Open();
        using var transaction = connection.BeginTransaction();
        var decided = connection.Execute(
            "UPDATE portal_profiles SET state = @state, decided_at = @at, decided_by = @by, reason = @reason WHERE id = @id AND state = @received",
            new { id, by, at = Text(at), state = ProfileStates.Approved, received = ProfileStates.Received, reason = "administrators added to the existing partner" },
            transaction);
        if (decided != 1 || administrators.Any(a => InsertUser(connection, transaction, a, at) is null))
        {
            return false;
        }

        transaction.Commit();
        return true;
    }

    public IReadOnlyList<PartnerAccess> PartnerAccess()
    {
        using var connection = _dialect.Open();
        return connection.Query<AccessRow>("SELECT partner, disabled, reason, changed_by, changed_at FROM portal_partner_access ORDER BY partner").Select(Access).ToList();
    }

    public PartnerAccess? FindPartnerAccess(string partner)
    {
        using var connection = _dialect.Open();
        return connection.Query<AccessRow>("SELECT partner, disabled, reason, changed_by, changed_at FROM portal_partner_access WHERE partner = @partner", new { partner })
            .Select(Access).SingleOrDefault();
    }

    public void SetPartnerAccess(PartnerAccess access) =>
        Execute(
            """
            INSERT INTO portal_partner_access (partner, disabled, reason, changed_by, changed_at) VALUES (@Partner, @disabled, @Reason, @ChangedBy, @at)
            ON CONFLICT (partner) DO UPDATE SET disabled = @disabled, reason = @Reason, changed_by = @ChangedBy, changed_at = @at
            """,
            new { access.Partner, disabled = access.Disabled ? 1L : 0L, access.Reason, access.ChangedBy, at = Text(access.ChangedAt) });

    public void RevokeTokens(long userId, string purpose, DateTimeOffset now) =>
        Execute("UPDATE portal_tokens SET used_at = @now WHERE user_id = @userId AND purpose = @purpose AND used_at IS NULL", new { userId, purpose, now = Text(now) });

    private static PartnerAccess Access(AccessRow r) => new(r.Partner, r.Disabled != 0, r.Reason, r.Changed_By, Time(r.Changed_At));

    private sealed record AccessRow(string Partner, long Disabled, string Reason, string Changed_By, string Changed_At);
}
