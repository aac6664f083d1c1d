using NodaTime;

namespace Integra.Gateway.Portal.Disputes;

/// <summary>
/// Evidence requests, their answers and documents in the gateway's store (SQLite or PostgreSQL). Thread-safe: every
/// call is its own unit of work, waits for the database without holding a thread, and is tried again on a fresh
/// connection after a transient failure. A <c>partner</c> argument scopes a read to that partner (null: the desk, every
/// partner): a request of another partner is not found, the same as one that does not exist. A state change that is
/// no longer possible (decided meanwhile, past due) is a false or null, not an exception; the database's own
/// exceptions mean broken I/O.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Records a new request in state <see cref="EvidenceStates.Open"/>; returns its id.</summary>
    Task<long> AddAsync(NewEvidenceRequest request, CancellationToken cancellationToken);

    Task<EvidenceRequest?> FindAsync(string? partner, long id, CancellationToken cancellationToken);

    /// <summary>The requests of one order, newest first.</summary>
    Task<IReadOnlyList<EvidenceRequest>> OfOrderAsync(string? partner, long orderId, CancellationToken cancellationToken);

    /// <summary>The requests of one partner (null: every partner), the ones waiting on someone first by due time, then the accepted ones newest first.</summary>
    Task<IReadOnlyList<EvidenceRequest>> ListAsync(string? partner, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The requests of every partner that the partner still owes (open or rejected) past their due time at
    /// <paramref name="now"/>, oldest due first: the SLA board's, <c>status</c>'s and the gauge's past-due requests.
    /// </summary>
    Task<IReadOnlyList<EvidenceRequest>> PastDueAsync(Instant now, CancellationToken cancellationToken);

    /// <summary>The answers to a request, oldest first, with their documents' names, sizes and hashes.</summary>
    Task<IReadOnlyList<EvidenceAnswer>> AnswersAsync(string? partner, long requestId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds an answer with its documents (each kept with its SHA-256) and marks the request answered, in one unit of
    /// work, if it is still answerable at <paramref name="at"/> (<see cref="EvidenceRequest.Answerable"/>); null then.
    /// </summary>
    Task<long?> AddAnswerAsync(string partner, long requestId, string answeredBy, string text, IReadOnlyList<EvidenceDocument> documents, Instant at, CancellationToken cancellationToken);

    /// <summary>Accepts or rejects an answered request; false when it is not waiting for the desk.</summary>
    Task<bool> DecideAsync(long id, bool accept, string by, string reason, Instant at, CancellationToken cancellationToken);

    /// <summary>Moves the due time of a request the desk has not accepted; false otherwise.</summary>
    Task<bool> ExtendAsync(long id, LocalDate dueDate, Instant dueAt, CancellationToken cancellationToken);

    /// <summary>Opens a decided request again (accepted or rejected) with a new due time; false otherwise.</summary>
    Task<bool> ReopenAsync(long id, LocalDate dueDate, Instant dueAt, CancellationToken cancellationToken);

    /// <summary>
    /// A document's bytes, checked against the SHA-256 recorded when it was received; null when it is not one of the
    /// partner's (or does not exist).
    /// </summary>
    /// <exception cref="EvidenceIntegrityException">The bytes no longer match the recorded hash.</exception>
    Task<EvidenceFileContent?> ReadFileAsync(string? partner, long fileId, CancellationToken cancellationToken);
}

/// <summary>The evidence package of an order (SPEC §7), built by the gateway, which holds every channel's records.</summary>
public interface IEvidencePackages
{
    /// <summary>The package of order <paramref name="orderId"/>; null when there is no such order.</summary>
    /// <exception cref="EvidenceIntegrityException">A stored document does not match its hash: no package is built.</exception>
    Task<EvidencePackageFile?> BuildAsync(long orderId, CancellationToken cancellationToken);
}

/// <summary>A built package: its file name, bytes and their SHA-256 (lower-case hex).</summary>
public sealed record EvidencePackageFile(string Name, byte[] Content, string Sha256);

/// <summary>What the gateway lends the portal for disputes.</summary>
/// <remarks>
/// DeskZone: the desk's zone (<c>Operations:TimeZone</c>): due dates are its business days.
/// MaxDocumentBytes: the largest document an answer may carry, the LOA limit.
/// </remarks>
public sealed record DisputeServices(IEvidenceStore Store, IEvidencePackages Packages, DateTimeZone DeskZone, int MaxDocumentBytes);
