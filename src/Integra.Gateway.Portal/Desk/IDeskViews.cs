namespace Integra.Gateway.Portal.Desk;

/// <summary>
/// The desk's workplace (SPEC §4 expedite review, §7 roles): pending reviews and their decisions, and the figures of
/// the SLA board. Implemented by the gateway (<c>PortalHosting</c>) over the order store and the rules.
/// </summary>
public interface IDeskViews
{
}
