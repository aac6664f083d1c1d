using NodaTime;

namespace Integra.Gateway.Portal.Disputes;

/// <summary>
/// An evidence request on an order (SPEC §7 "Authorization disputes"): the desk asks the partner to show its
/// authorization for some of the order's TNs by a due date. <see cref="DueDate"/> is a business day in the desk's
/// zone; <see cref="DueAt"/> is the end of that day there (the start of the next), after which no answer is taken.
/// </summary>
/// <remarks>
/// Kind: the order's kind, LSR or CSR: a partner user with that privilege may answer.
/// Tns: the TNs the dispute is about (10 digits each).
/// Decision: why the desk rejected or accepted the evidence; empty while undecided.
/// </remarks>
public sealed record EvidenceRequest(
    long Id,
    long OrderId,
    string Partner,
    string Kind,
    string Pon,
    string Reason,
    IReadOnlyList<string> Tns,
    LocalDate DueDate,
    Instant DueAt,
    string State,
    string OpenedBy,
    Instant OpenedAt,
    string? DecidedBy,
    Instant? DecidedAt,
    string Decision)
{
    /// <summary>The partner owes an answer (open, or rejected and answerable again) and the due time has passed.</summary>
    public bool PastDue(Instant now) => State is EvidenceStates.Open or EvidenceStates.Rejected && now >= DueAt;

    /// <summary>The partner may still answer: not accepted, and before the due time.</summary>
    public bool Answerable(Instant now) => State is EvidenceStates.Open or EvidenceStates.Answered or EvidenceStates.Rejected && now < DueAt;
}

/// <summary>Where an evidence request stands, as the store writes it.</summary>
public static class EvidenceStates
{
    /// <summary>Waiting for the partner's first answer (or reopened by the desk).</summary>
    public const string Open = "open";

    /// <summary>The partner answered; waiting for the desk. More answers may follow until the desk decides.</summary>
    public const string Answered = "answered";

    /// <summary>The desk found the evidence insufficient; the partner may answer again until the due time.</summary>
    public const string Rejected = "rejected";

    /// <summary>The desk accepted the evidence; closed unless the desk reopens it.</summary>
    public const string Accepted = "accepted";
}

/// <summary>What the desk asks when it opens a request, before the store gives it an id.</summary>
public sealed record NewEvidenceRequest(long OrderId, string Partner, string Kind, string Pon, string Reason, IReadOnlyList<string> Tns, LocalDate DueDate, Instant DueAt, string OpenedBy, Instant OpenedAt);

/// <summary>One answer of the partner: a text and any number of documents.</summary>
public sealed record EvidenceAnswer(long Id, long RequestId, string AnsweredBy, Instant AnsweredAt, string Text, IReadOnlyList<EvidenceFileInfo> Files);

/// <summary>A document of an answer as listed (no bytes). <see cref="Sha256"/> is lower-case hex of the bytes as received.</summary>
public sealed record EvidenceFileInfo(long Id, string Name, string ContentType, long Size, string Sha256);

/// <summary>A document checked by content, ready to store.</summary>
public sealed record EvidenceDocument(string Name, string ContentType, byte[] Content);

/// <summary>A stored document whose bytes matched their recorded SHA-256.</summary>
public sealed record EvidenceFileContent(EvidenceFileInfo Info, long RequestId, Instant AnsweredAt, byte[] Content);

/// <summary>
/// A stored document's bytes no longer match the SHA-256 recorded when it was received: the store was changed
/// behind the gateway's back, or is damaged. The document is never served and no package is built from it.
/// </summary>
public sealed class EvidenceIntegrityException : Exception
{
    public EvidenceIntegrityException(string what, string expected, string actual)
        : base($"{what} does not match its recorded SHA-256: recorded {expected}, now {actual}; it is not served") => What = what;

    private EvidenceIntegrityException(string what, string message)
        : base(message) => What = what;

    /// <summary>Which stored file failed, e.g. <c>evidence file 7 (loa.pdf)</c>.</summary>
    public string What { get; }

    /// <summary>The document's bytes are not where its row says they are kept (<paramref name="where"/>).</summary>
    public static EvidenceIntegrityException Missing(string what, string where) =>
        new(what, $"{what} is missing: no bytes at {where}; it is not served");
}
