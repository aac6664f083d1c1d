using Integra.Gateway.Rules.Reference;

namespace Integra.Gateway.Rules.Model;

/// <summary>What the policy decided for one CSR request.</summary>
public abstract record CsrDecision;

/// <summary>The customer service record: one row per WORKING TN of the account.</summary>
public sealed record CsrAnswer(Account Account, IReadOnlyList<string> WorkingTns) : CsrDecision;

/// <summary>Rejected, with every error.</summary>
public sealed record CsrReject(IReadOnlyList<RuleError> Errors) : CsrDecision;

/// <summary>The same request again: send the earlier answer.</summary>
public sealed record CsrResend : CsrDecision;
