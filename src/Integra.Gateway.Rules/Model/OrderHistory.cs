using NodaTime;

namespace Integra.Gateway.Rules.Model;

/// <summary>Lifecycle state of an order (one CCNA+PON of one partner).</summary>
public enum OrderState
{
    Received,
    Rejected,
    PendingReview,
    Foc,
    Canceled,
    Expired,
    Complete,

    /// <summary>Closed by too many due-date supplements (S5); a new LSR is required.</summary>
    Closed,
}

/// <summary>
/// What the store knows of a PON before a new version is decided (input to S1–S9): only what the rules ask of it,
/// so that the caller can read each part with one indexed look-up instead of loading the PON's whole history.
/// </summary>
/// <param name="State">The order's state.</param>
/// <param name="SameVersionHash">Content hash of the version already received with the request's VER (S7/S8); null when none.</param>
/// <param name="LatestVer">The highest version received so far.</param>
/// <param name="FocDate">The established FOC date, if any.</param>
/// <param name="DueDateSupplements">SUP 2 versions so far (S5).</param>
/// <param name="PortTns">The order's ported TNs. Only a cancel (SUP 1, S3) answers for them, so a caller may leave
/// them empty for any other request.</param>
public sealed record OrderHistory(
    OrderState State,
    string? SameVersionHash,
    string LatestVer,
    LocalDate? FocDate,
    int DueDateSupplements,
    IReadOnlyList<string> PortTns);
