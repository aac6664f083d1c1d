using Integra.Gateway.Rules.Model;
using NodaTime;

namespace Integra.Gateway.Portal.Tracking;

/// <summary>An order's page: its summary, account, due dates, versions with their answers, TNs, history and files.</summary>
/// <remarks>
/// StandardDate: The standard due date an expedite was measured against.
/// AcceptedDdd: The DDD of its last accepted version.
/// </remarks>
public sealed record OrderDetail(
    OrderSummary Order,
    string An,
    string Nnsp,
    LocalDate? StandardDate,
    LocalDate? AcceptedDdd,
    IReadOnlyList<OrderVersion> Versions,
    IReadOnlyList<OrderTnLine> Tns,
    IReadOnlyList<OrderEvent> History,
    IReadOnlyList<ResponseFileInfo> Files)
{
    /// <summary>
    /// An LSR still open (FOC, or waiting for expedite review) takes supplements: SUP 1 cancel, 2 new date, 3 other
    /// change. A rejected, canceled, expired, completed or closed order needs a new request instead.
    /// </summary>
    public bool CanSupplement => Order.Kind == "LSR" && Order.State is OrderState.Foc or OrderState.PendingReview;
}

/// <summary>A version as received and answered; <see cref="Answer"/> is its current answer (a review replaces a PND).</summary>
public sealed record OrderVersion(string Ver, string Sup, Channel Channel, string FileName, Instant ReceivedAt, Instant DecidedAt, AnswerType Outcome, string Codes, IReadOnlyList<AnswerLine> Answer);

/// <summary>One row of an answer (SPEC §5) as the page shows it.</summary>
public sealed record AnswerLine(AnswerType Type, string Tn, string Lna, string Dd, string Code, string Field, string Message, string Contact);

/// <summary>A TN of the order: what happens to it, where it stands, and when NPAC showed it ported.</summary>
public sealed record OrderTnLine(string Tn, Lna Lna, TnStatus Status, Instant? ActivatedAt);

/// <summary>A change of the order's state and its cause.</summary>
public sealed record OrderEvent(Instant At, OrderState State, string Cause, string Detail);

/// <summary>
/// A response file of the order. <see cref="RequestFile"/> names the request file it answered; null for a later
/// answer (expedite review, expiry sweep, closure).
/// </summary>
public sealed record ResponseFileInfo(string Id, string Name, Channel? Channel, string? RequestFile, Instant At);

/// <summary>A response file's name and its bytes as delivered.</summary>
public sealed record ResponseDownload(string Name, byte[] Content);

/// <summary>The RESPTYP of an answer row (SPEC §5).</summary>
public enum AnswerType
{
    Foc,
    Reject,
    Pending,
    Cancel,
    Csr,
}

/// <summary>Where a TN of an order stands.</summary>
public enum TnStatus
{
    /// <summary>In a request waiting for expedite review.</summary>
    Pending,

    /// <summary>Committed by an FOC, not yet ported.</summary>
    Open,

    /// <summary>NPAC shows it ported to the new provider.</summary>
    Activated,

    /// <summary>Withdrawn with its order.</summary>
    Canceled,
}
