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

/// <summary>A TN of an order as it stands: what the order does to it, and whether NPAC shows it ported already.</summary>
public sealed record OrderTn(string Tn, Lna Lna, bool Activated);

/// <summary>
/// What the store knows of a PON before a new version is decided (input to S1–S9): only what the rules ask of it,
/// so that the caller can read each part with one indexed look-up instead of loading the PON's whole history.
/// </summary>
/// <param name="State">Where the order stands.</param>
/// <param name="SameVersionHash">Content hash of the version already received with the request's VER (S7/S8); null when none.</param>
/// <param name="LatestVer">The highest version received so far.</param>
/// <param name="FocDate">The established FOC date, when the order has one.</param>
/// <param name="AcceptedDdd">
/// The DDD of the last accepted (not rejected) version: what a supplement's DDD is compared with to tell whether
/// it asks for a new date (S4, S5). Null when no version with a DDD was accepted.
/// </param>
/// <param name="DueDateSupplements">Accepted supplements so far that asked for a new DDD (S5).</param>
/// <param name="Tns">
/// The order's TNs with their LNA and activation. Only an open order (FOC or pending review) answers for them —
/// S2, S3, S5 and S6 — so a caller may leave them empty for an order in any other state.
/// </param>
/// <param name="Zone">The order's local zone, in which its expiry is judged (S2).</param>
public sealed record OrderHistory(
    OrderState State,
    string? SameVersionHash,
    string LatestVer,
    LocalDate? FocDate,
    LocalDate? AcceptedDdd,
    int DueDateSupplements,
    IReadOnlyList<OrderTn> Tns,
    DateTimeZone Zone)
{
    /// <summary>
    /// The account the order belongs to (its accepted AN, S10); null for an order filed before it was kept with its
    /// history, which S10 then cannot judge.
    /// </summary>
    public string? An { get; init; }

    /// <summary>The TNs NPAC already shows ported to the new provider: never re-opened or canceled (S6).</summary>
    public IReadOnlySet<string> ActivatedTns => Tns.Where(t => t.Activated).Select(t => t.Tn).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when the order ports TNs and NPAC shows every one of them ported: the order is done.</summary>
    public bool AllPortsActivated => Tns.Any(t => t.Lna == Lna.Port) && Tns.Where(t => t.Lna == Lna.Port).All(t => t.Activated);
}
