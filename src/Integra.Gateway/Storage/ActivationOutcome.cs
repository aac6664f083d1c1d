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
}
