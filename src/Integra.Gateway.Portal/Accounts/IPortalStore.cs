using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Onboarding;
using Integra.Gateway.Portal.Partners;
using Integra.Gateway.Rules.Reference;

namespace Integra.Gateway.Portal.Accounts;

/// <summary>
/// The portal's tables in the gateway's store (SQLite or PostgreSQL). Thread-safe: every call is its own unit of
/// work on a pooled connection, retried on a fresh one after a transient failure (a restarted server), so concurrent
/// requests and several gateway instances on one PostgreSQL database can share it. Every call that serves a request is
/// asynchronous: a page waiting for the database holds no thread of the server's pool. Throws only for broken I/O (the
/// database's own exceptions, once the retries are spent) and cancellation; an unknown id is a null or false, not an
/// exception.
/// </summary>
public interface IPortalStore
{
    Task<PortalUser?> FindUserAsync(long id, CancellationToken cancellationToken);

    /// <summary>The account with this e-mail address, compared without case.</summary>
    Task<PortalUser?> FindUserAsync(string email, CancellationToken cancellationToken);

    /// <summary>The accounts of one partner, or of the staff when <paramref name="partner"/> is null.</summary>
    Task<IReadOnlyList<PortalUser>> UsersOfAsync(string? partner, CancellationToken cancellationToken);

    /// <summary>Adds an account; null when the e-mail address already has one.</summary>
    Task<PortalUser?> AddUserAsync(NewPortalUser user, DateTimeOffset now, CancellationToken cancellationToken);

    Task SetPrivilegesAsync(long userId, Privileges privileges, CancellationToken cancellationToken);

    Task SetDisabledAsync(long userId, bool disabled, CancellationToken cancellationToken);

    /// <summary>Sets the password hash, clears failures and lockout.</summary>
    Task SetPasswordAsync(long userId, string hash, CancellationToken cancellationToken);

    /// <summary>Counts one failed sign-in and returns the count so far.</summary>
    Task<int> CountFailureAsync(long userId, CancellationToken cancellationToken);

    /// <summary>Sets the lockout end (null: none) and the failure count.</summary>
    Task SetLockoutAsync(long userId, DateTimeOffset? until, int failures, CancellationToken cancellationToken);

    /// <summary>Stores a one-time token by its hash (never the token itself).</summary>
    Task AddTokenAsync(string tokenHash, long userId, string purpose, DateTimeOffset expires, CancellationToken cancellationToken);

    /// <summary>The user of an unused, unexpired token of that purpose, or null.</summary>
    Task<long?> PeekTokenAsync(string tokenHash, string purpose, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks the token used and returns its user: only the first of two concurrent calls gets it.</summary>
    Task<long?> UseTokenAsync(string tokenHash, string purpose, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks every unused token of the user for <paramref name="purpose"/> used: a new link revokes the older ones.</summary>
    Task RevokeTokensAsync(long userId, string purpose, DateTimeOffset now, CancellationToken cancellationToken);

    Task AddSessionAsync(string key, long userId, byte[] ticket, DateTimeOffset? expires, CancellationToken cancellationToken);

    /// <summary>
    /// A live session with its user and the user's partner's access switch, in one read (every request asks); null when
    /// signed out, removed or expired.
    /// </summary>
    Task<PortalSession?> FindSessionAsync(string key, DateTimeOffset now, CancellationToken cancellationToken);

    Task RenewSessionAsync(string key, byte[] ticket, DateTimeOffset? expires, CancellationToken cancellationToken);

    Task RemoveSessionAsync(string key, CancellationToken cancellationToken);

    /// <summary>Ends every session of a user (disabled, password reset): on every instance at once.</summary>
    Task RemoveSessionsOfAsync(long userId, CancellationToken cancellationToken);

    /// <summary>
    /// Data-protection key ring elements (XML), oldest first. Synchronous because ASP.NET Core's
    /// <c>IXmlRepository</c> is: the key ring manager reads it once and caches the ring (again only when a key expires
    /// or after a day), so it is not on the path of every request.
    /// </summary>
    IReadOnlyList<string> DataProtectionKeys();

    /// <inheritdoc cref="DataProtectionKeys" path="/summary"/>
    void AddDataProtectionKey(string name, string xml);

    Task AddAuditAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Audit entries, newest first, at most <paramref name="limit"/>, of one partner when given.</summary>
    Task<IReadOnlyList<AuditEntry>> AuditAsync(string? partner, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the audit trail, newest first: at most <paramref name="limit"/> entries matching
    /// <paramref name="filter"/> whose id is below <paramref name="before"/> (keyset paging: the last id of the page
    /// before; null for the first page).
    /// </summary>
    Task<IReadOnlyList<AuditRow>> AuditPageAsync(AuditFilter filter, long? before, int limit, CancellationToken cancellationToken);

    Task<ProfileSubmission> AddProfileAsync(string source, TradingPartnerProfile profile, DateTimeOffset receivedAt, DateTimeOffset dueAt, CancellationToken cancellationToken);

    /// <summary>
    /// Queues a submission of the public form rendered with <paramref name="formId"/>; the same form posted again
    /// (double click, back and resubmit, two instances at once) returns the first submission and adds nothing.
    /// </summary>
    Task<(ProfileSubmission Submission, bool Added)> AddProfileOnceAsync(string source, string formId, TradingPartnerProfile profile, DateTimeOffset receivedAt, DateTimeOffset dueAt, CancellationToken cancellationToken);

    Task<ProfileSubmission?> FindProfileAsync(long id, CancellationToken cancellationToken);

    /// <summary>All submissions, the open ones first by due time, then the handled ones newest first.</summary>
    Task<IReadOnlyList<ProfileSubmission>> ProfilesAsync(CancellationToken cancellationToken);

    /// <summary>The latest approved submission whose form names <paramref name="partner"/> (without case); null when none.</summary>
    Task<ProfileSubmission?> ApprovedProfileOfAsync(string partner, CancellationToken cancellationToken);

    /// <summary>Rejects a submission with a reason unless it was already decided; false then.</summary>
    Task<bool> RejectProfileAsync(long id, string by, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Partners approved through onboarding (partners.csv holds the others).</summary>
    Task<IReadOnlyList<Partner>> ApprovedPartnersAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Approves a submission in one unit of work: records the decision, adds the partner and its administrators.
    /// False (and nothing written) when the submission was already decided or the partner id or an address is taken.
    /// </summary>
    Task<bool> ApproveProfileAsync(long id, Partner partner, IReadOnlyList<NewPortalUser> administrators, string by, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Decides a submission from a partner that exists already (same id or CCNA): records it approved and adds its
    /// administrators to that partner, in one unit of work. False (nothing written) when it was already decided or an
    /// address is taken.
    /// </summary>
    Task<bool> ApproveProfileForExistingAsync(long id, IReadOnlyList<NewPortalUser> administrators, string by, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every partner whose access a staff admin has switched (off, or on again).</summary>
    Task<IReadOnlyList<PartnerAccess>> PartnerAccessAsync(CancellationToken cancellationToken);

    /// <summary>The switch of one partner; null when nobody ever switched it (access on).</summary>
    Task<PartnerAccess?> FindPartnerAccessAsync(string partner, CancellationToken cancellationToken);

    Task SetPartnerAccessAsync(PartnerAccess access, CancellationToken cancellationToken);
}
