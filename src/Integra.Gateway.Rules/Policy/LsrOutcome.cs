using Integra.Gateway.Rules.Reference;
using NodaTime;

namespace Integra.Gateway.Rules.Model;

/// <summary>
/// A decision with what it was based on: the account (when found), the service state, whether the port is
/// simple, and the effective received and standard due dates (when the DDD could be judged).
/// </summary>
public sealed record LsrOutcome(
    LsrDecision Decision,
    Account? Account,
    string State,
    bool Simple,
    LocalDate? EffectiveReceivedDate,
    LocalDate? StandardDueDate);
