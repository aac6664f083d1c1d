using Integra.Gateway.Portal.Desk;

namespace Integra.Gateway.PortalHosting;

/// <summary>The desk's reviews and the SLA board's figures, over the order store and the rules.</summary>
public sealed class DeskViews : IDeskViews
{
}
