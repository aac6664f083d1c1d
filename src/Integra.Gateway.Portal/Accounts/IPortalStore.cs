using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Onboarding;
using Integra.Gateway.Portal.Partners;
using Integra.Gateway.Rules.Reference;

namespace Integra.Gateway.Portal.Accounts;

/// <summary>
/// The portal's tables in the gateway's store (SQLite or PostgreSQL). Thread-safe: every call is its own unit of
/// work, so concurrent requests and several gateway instances on one PostgreSQL database can share it. Throws only
/// for broken I/O (the database's own exceptions); an unknown id is a null or false, not an exception.
/// </summary>
public interface IPortalStore
{
    PortalUser? FindUser(long id);

    /// <summary>The account with this e-mail address, compared without case.</summary>
    PortalUser? FindUser(string email);

    /// <summary>The accounts of one partner, or of the staff when <paramref name="partner"/> is null.</summary>
    IReadOnlyList<PortalUser> UsersOf(string? partner);

    /// <summary>Adds an account; null when the e-mail address already has one.</summary>
    PortalUser? AddUser(NewPortalUser user, DateTimeOffset now);

    void SetPrivileges(long userId, Privileges privileges);

    void SetDisabled(long userId, bool disabled);

    /// <summary>Sets the password hash, clears failures and lockout.</summary>
    void SetPassword(long userId, string hash);

    /// <summary>Counts one failed sign-in and returns the count so far.</summary>
    int CountFailure(long userId);

    /// <summary>Sets the lockout end (null: none) and the failure count.</summary>
    void SetLockout(long userId, DateTimeOffset? until, int failures);

    /// <summary>Stores a one-time token by its hash (never the token itself).</summary>
    void AddToken(string tokenHash, long userId, string purpose, DateTimeOffset expires);

    /// <summary>The user of an unused, unexpired token of that purpose, or null.</summary>
    long? PeekToken(string tokenHash, string purpose, DateTimeOffset now);

    /// <summary>Marks the token used and returns its user: only the first of two concurrent calls gets it.</summary>
    long? UseToken(string tokenHash, string purpose, DateTimeOffset now);

    void AddSession(string key, long userId, byte[] ticket, DateTimeOffset? expires);

    /// <summary>The ticket of a live session, or null when signed out, removed or expired.</summary>
    byte[]? FindSession(string key, DateTimeOffset now);

    void RenewSession(string key, byte[] ticket, DateTimeOffset? expires);

    void RemoveSession(string key);

    /// <summary>Ends every session of a user (disabled, password reset): on every instance at once.</summary>
    void RemoveSessionsOf(long userId);

    /// <summary>Data-protection key ring elements (XML), oldest first.</summary>
    IReadOnlyList<string> DataProtectionKeys();

    void AddDataProtectionKey(string name, string xml);

    void AddAudit(AuditEntry entry);

    /// <summary>Audit entries, newest first, at most <paramref name="limit"/>, of one partner when given.</summary>
    IReadOnlyList<AuditEntry> Audit(string? partner, int limit);

    /// <summary>
    /// One page of the audit trail, newest first: at most <paramref name="limit"/> entries matching
    /// <paramref name="filter"/> whose id is below <paramref name="before"/> (keyset paging: the last id of the page
    /// before; null for the first page).
    /// </summary>
    IReadOnlyList<AuditRow> AuditPage(AuditFilter filter, long? before, int limit);

    ProfileSubmission AddProfile(string source, TradingPartnerProfile profile, DateTimeOffset receivedAt, DateTimeOffset dueAt);

    /// <summary>
    /// Queues a submission of the public form rendered with <paramref name="formId"/>; the same form posted again
    /// (double click, back and resubmit, two instances at once) returns the first submission and adds nothing.
    /// </summary>
    (ProfileSubmission Submission, bool Added) AddProfileOnce(string source, string formId, TradingPartnerProfile profile, DateTimeOffset receivedAt, DateTimeOffset dueAt);

    ProfileSubmission? FindProfile(long id);

    /// <summary>All submissions, the open ones first by due time, then the handled ones newest first.</summary>
    IReadOnlyList<ProfileSubmission> Profiles();

    /// <summary>Rejects a submission with a reason unless it was already decided; false then.</summary>
    bool RejectProfile(long id, string by, string reason, DateTimeOffset at);

    /// <summary>Partners approved through onboarding (partners.csv holds the others).</summary>
    IReadOnlyList<Partner> ApprovedPartners();

    /// <summary>
    /// Approves a submission in one unit of work: records the decision, adds the partner and its administrators.
    /// False (and nothing written) when the submission was already decided or the partner id or an address is taken.
    /// </summary>
    bool ApproveProfile(long id, Partner partner, IReadOnlyList<NewPortalUser> administrators, string by, DateTimeOffset at);

    /// <summary>
    /// Decides a submission from a partner that exists already (same id or CCNA): records it approved and adds its
    /// administrators to that partner, in one unit of work. False (nothing written) when it was already decided or an
    /// address is taken.
    /// </summary>
    bool ApproveProfileForExisting(long id, IReadOnlyList<NewPortalUser> administrators, string by, DateTimeOffset at);

    /// <summary>Every partner whose access a staff admin has switched (off, or on again).</summary>
    IReadOnlyList<PartnerAccess> PartnerAccess();

    /// <summary>The switch of one partner; null when nobody ever switched it (access on).</summary>
    PartnerAccess? FindPartnerAccess(string partner);

    void SetPartnerAccess(PartnerAccess access);

    /// <summary>Marks every unused token of the user for <paramref name="purpose"/> used: a new link revokes the older ones.</summary>
    void RevokeTokens(long userId, string purpose, DateTimeOffset now);
}
