namespace Integra.Gateway.Portal.Submissions;

/// <summary>
/// The gateway's intake as the portal sees it (SPEC §7 "Submitting"): a form or an uploaded file becomes one request
/// file on channel <c>portal</c>, decided by the same pipeline as every other channel; its answers wait in the
/// partner's portal inbox. Implemented by the gateway (<c>PortalHosting</c>), so the portal holds no rules and no SQL.
/// </summary>
public interface IPortalIntake
{
}
