using Integra.Gateway.Portal.Tracking;

namespace Integra.Gateway.PortalHosting;

/// <summary>The order store read for the portal's tracking pages.</summary>
public sealed class OrderViews : IOrderViews
{
}
