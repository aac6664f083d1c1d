namespace Integra.Gateway.Storage;

/// <summary>Where a TN of an order stands (order_tns.status); its stored text is <see cref="StoredText"/>'s.</summary>
public enum OrderTnStatus
{
    /// <summary>Named in a request that waits for review.</summary>
    Pending,

    /// <summary>Committed by an FOC; not yet ported.</summary>
    Open,

    /// <summary>NPAC shows the TN ported to the new provider.</summary>
    Activated,

    /// <summary>Withdrawn with its order (cancel, expiry, closure).</summary>
    Canceled,
}
