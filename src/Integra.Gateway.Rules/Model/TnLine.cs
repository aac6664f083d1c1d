namespace Integra.Gateway.Rules.Model;

/// <summary>One TN row of an LSR: the file line, the TN as sent, and the normalized TN when it is a valid NANP number.</summary>
public sealed record TnLine(int Line, string Raw, string? Tn);
