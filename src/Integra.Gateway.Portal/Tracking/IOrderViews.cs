namespace Integra.Gateway.Portal.Tracking;

/// <summary>
/// The orders as the portal shows them (SPEC §7 "Tracking"): a partner's own orders from every channel, each order's
/// versions, answers, per-TN status and history, and its response files. Implemented by the gateway
/// (<c>PortalHosting</c>) over the order store.
/// </summary>
public interface IOrderViews
{
}
