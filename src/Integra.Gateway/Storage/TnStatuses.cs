namespace Integra.Gateway.Storage;

/// <summary>Where a TN of an order stands (order_tns.status).</summary>
public static class TnStatuses
{
    public const string Pending = "PENDING";
    public const string Open = "OPEN";
    public const string Activated = "ACTIVATED";
    public const string Canceled = "CANCELED";
}
