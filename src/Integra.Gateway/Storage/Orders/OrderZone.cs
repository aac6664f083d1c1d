using Integra.Gateway.Rules.Policy;
using NodaTime;

namespace Integra.Gateway.Storage.Orders;

/// <summary>The local zone an order was decided in (kept by IANA id), in which its expiry and reviews are judged.</summary>
public static class OrderZone
{
    public static DateTimeZone Of(StoredOrder order, PolicyOptions options) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(order.Zone) ?? options.FallbackZone;
}
