using NodaTime;

namespace Integra.Gateway.Portal.Disputes;

/// <summary>
/// Evidence requests, their answers and documents in the gateway's store (SQLite or PostgreSQL). Thread-safe: every
/// call is its own unit of work. A <c>partner</c> argument scopes a read to that partner (null: the desk, every
/// partner): a request of another partner is not found, the same as one that does not exist. A state change that is
/// no longer possible (decided meanwhile, past due) is a false or null, not an exception; the database's own
/// exceptions mean broken I/O.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Records a new request in state <see cref="EvidenceStates.Open"/>; returns its id.</summary>
    long Add(NewEvidenceRequest request);

    EvidenceRequest? Find(string? partner, long id);

    /// <summary>The requests of one order, newest first.</summary>
    IReadOnlyList<EvidenceRequest> OfOrder(string? partner, long orderId);

    /// <summary>The requests of one partner (null: every partner), the ones waiting on someone first by due time, then the accepted ones newest first.</summary>
    IReadOnlyList<EvidenceRequest> List(string? partner, int limit);

    /// <summary>
    /// The requests of every partner that the partner still owes (open or rejected) past their due time at
    /// <paramref name="now"/>, oldest due first: the SLA board's, <c>status</c>'s and the gauge's past-due requests.
    /// </summary>
    IReadOnlyList<EvidenceRequest> PastDue(Instant now);

    /// <summary>The answers to a request, oldest first, with their documents' names, sizes and hashes.</summary>
    IReadOnlyList<EvidenceAnswer> Answers(string? partner, long requestId);

    /// <summary>
    /// Adds an answer with its documents (each kept with its SHA-256) and marks the request answered, in one unit of
    /// work, if it is still answerable at <paramref name="at"/> (<see cref="EvidenceRequest.Answerable"/>); null then.
    /// </summary>
    long? AddAnswer(string partner, long requestId, string answeredBy, string text, IReadOnlyList<EvidenceDocument> documents, Instant at);

    /// <summary>Accepts or rejects an answered request; false when it is not waiting for the desk.</summary>
    bool Decide(long id, bool accept, string by, string reason, Instant at);

    /// <summary>Moves the due time of a request the desk has not accepted; false otherwise.</summary>
    bool Extend(long id, LocalDate dueDate, Instant dueAt);

    /// <summary>Opens a decided request again (accepted or rejected) with a new due time; false otherwise.</summary>
    bool Reopen(long id, LocalDate dueDate, Instant dueAt);

    /// <summary>
    /// A document's bytes, checked against the SHA-256 recorded when it was received; null when it is not one of the
    /// partner's (or does not exist).
    /// </summary>
    /// <exception cref="EvidenceIntegrityException">The bytes no longer match the recorded hash.</exception>
    EvidenceFileContent? ReadFile(string? partner, long fileId);
}

/// <summary>The evidence package of an order (SPEC §7), built by the gateway, which holds every channel's records.</summary>
public interface IEvidencePackages
{
    /// <summary>The package of order <paramref name="orderId"/>; null when there is no such order.</summary>
    /// <exception cref="EvidenceIntegrityException">A stored document does not match its hash: no package is built.</exception>
    EvidencePackageFile? Build(long orderId);
}

/// <summary>A built package: its file name, bytes and their SHA-256 (lower-case hex).</summary>
public sealed record EvidencePackageFile(string Name, byte[] Content, string Sha256);

/// <summary>What the gateway lends the portal for disputes.</summary>
/// <remarks>
/// DeskZone: the desk's zone (<c>Operations:TimeZone</c>): due dates are its business days.
/// MaxDocumentBytes: the largest document an answer may carry, the LOA limit.
/// </remarks>
public sealed record DisputeServices(IEvidenceStore Store, IEvidencePackages Packages, DateTimeZone DeskZone, int MaxDocumentBytes);
