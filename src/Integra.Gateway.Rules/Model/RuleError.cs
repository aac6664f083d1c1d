namespace Integra.Gateway.Rules.Model;

/// <summary>
/// One reason a request is rejected: the policy rule that found it (e.g. <c>L17</c>), the reject code partners
/// see (e.g. <c>R24</c>), the column, the TN when the error is about one number, and what to fix.
/// </summary>
public sealed record RuleError(string RuleId, string Code, string Field, string Message, string? Tn = null);
