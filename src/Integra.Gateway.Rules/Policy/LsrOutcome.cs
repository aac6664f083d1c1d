using Integra.Gateway.Rules.Reference;
using NodaTime;

namespace Integra.Gateway.Rules.Model;

/// <summary>
/// A decision with what it was based on: the account (when found), the service state, whether the port is
/// simple, the effective received and standard due dates (when the DDD could be judged), and whether this
/// version is an accepted supplement that asked for a new due date (counted by S5).
/// </summary>
public sealed record LsrOutcome(
    LsrDecision Decision,
    Account? Account,
    string State,
    bool Simple,
    LocalDate? EffectiveReceivedDate,
    LocalDate? StandardDueDate,
    bool NewDueDateSupplement = false)
{
    /// <summary>The DDD this decision accepted, kept as the order's reference for later supplements (S4, S5).</summary>
    public LocalDate? AcceptedDdd { get; init; }

    /// <summary>
    /// TNs an accepted supplement no longer ports or disconnects (S11): each gets a CAN C02 row and leaves the order.
    /// </summary>
    public IReadOnlyList<string> LeftOut { get; init; } = [];
}
