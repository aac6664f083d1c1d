namespace Integra.Gateway.Rules.Model;

/// <summary>
/// A TN that another open order holds (input to L19): an order of another PON at PND or FOC, not past its expiry,
/// on which the TN has LNA <c>P</c> or <c>D</c> and is not ACTIVATED. The host looks these up for a request's TNs;
/// the rules only judge them.
/// </summary>
/// <param name="Tn">The held TN.</param>
/// <param name="Lna">What the holding order does to it: <see cref="Lna.Port"/> or <see cref="Lna.Disconnect"/>.</param>
/// <param name="SamePartner">True when the holding order is the requesting partner's own.</param>
/// <param name="Pon">The holding order's PON; only ever shown to the partner who owns it.</param>
/// <param name="LsrNo">The holding order's LSRNO, when it has one; shown only to its own partner.</param>
public sealed record TnHold(string Tn, Lna Lna, bool SamePartner, string Pon, string? LsrNo);
