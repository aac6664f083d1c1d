namespace Integra.Gateway.Storage;

/// <summary>
/// What an NPAC activation import did with one row (activations.outcome): every row is kept, so an activation no open
/// order explains stays visible to the desk instead of being dropped.
/// </summary>
public enum ActivationOutcome
{
    /// <summary>An open LSR order ports the TN to the activating SPID: its TN is marked activated.</summary>
    Matched,

    /// <summary>No open order ports the TN to that SPID.</summary>
    Unmatched,

    /// <summary>
    /// Matched to an order that had expired or closed after the activation, and Integra had already delivered the
    /// NPAC CANCEL for the TN: the desk must check NPAC by hand (SPEC §4, ActivatedAfterCancel).
    /// </summary>
    AfterCancel,
}

/// <summary>An activation NPAC reported after Integra had delivered the TN's CANCEL (<see cref="ActivationOutcome.AfterCancel"/>).</summary>
public sealed record ActivatedAfterCancelRow(string Tn, string Spid, string ActivatedAt, string ImportedAt, string Partner, string Pon, string? LsrNo);
