using NodaTime;

namespace Integra.Gateway.Rules.Model;

/// <summary>Line number action of an FOC row: the TN is ported, disconnected, or remains with Integra.</summary>
public enum Lna
{
    Port,
    Disconnect,
    Remains,
}

/// <summary>One TN of the account touched by an order and what happens to it.</summary>
public sealed record FocLine(string Tn, Lna Lna);

/// <summary>What the policy decided for one LSR. <see cref="RuleId"/> names the deciding rule.</summary>
public abstract record LsrDecision(string RuleId);

/// <summary>Firm order confirmation at <paramref name="DueDate"/>.</summary>
public sealed record Foc(LocalDate DueDate, IReadOnlyList<FocLine> Lines, string RuleId) : LsrDecision(RuleId);

/// <summary>
/// Rejected; every error of the request is listed. <paramref name="Closure"/>, when set, also ends the order
/// (S2 expiry on arrival, S2 completion, S5 closure).
/// </summary>
public sealed record Reject(IReadOnlyList<RuleError> Errors, OrderClosure? Closure = null)
    : LsrDecision(Errors.Count > 0 ? Errors[0].RuleId : "L1");

/// <summary>Expedite requested before the standard due date: waits for manual review (L11, PND X01).</summary>
public sealed record PendingReview(LocalDate RequestedDate, LocalDate StandardDueDate, IReadOnlyList<FocLine> Lines)
    : LsrDecision("L11");

/// <summary>The order is canceled (SUP 1: C01); one CAN row per withdrawn TN. Nothing goes to NPAC (S3).</summary>
public sealed record Cancel(IReadOnlyList<string> Tns, string Code, string RuleId) : LsrDecision(RuleId);

/// <summary>The same version again with identical content: send the earlier response, decide nothing (S7).</summary>
public sealed record Resend(string Ver) : LsrDecision("S7");

/// <summary>
/// An order ended by a supplement's arrival: its new state, and what is withdrawn — CAN rows with
/// <paramref name="CanCode"/> for the partner and CANCEL lines for NPAC (see <see cref="Policy.Withdrawal"/>).
/// </summary>
public sealed record OrderClosure(OrderState State, string? CanCode, Policy.Withdrawal Withdrawn);
