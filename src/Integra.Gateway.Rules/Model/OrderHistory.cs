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

/// <summary>A version already received on a PON, with the hash of its content.</summary>
public sealed record VersionRecord(string Ver, string ContentHash);

/// <summary>What the store knows of a PON before a new version is decided (input to S1–S9).</summary>
public sealed record OrderHistory(
    OrderState State,
    IReadOnlyList<VersionRecord> Versions,
    LocalDate? FocDate,
    int DueDateSupplements,
    IReadOnlyList<string> PortTns)
{
    /// <summary>The highest version received so far.</summary>
    public string LatestVer => Versions.Select(v => v.Ver).Max(StringComparer.Ordinal) ?? "00";
}
