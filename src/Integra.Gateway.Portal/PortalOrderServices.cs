using Integra.Gateway.Portal.Desk;
using Integra.Gateway.Portal.Submissions;
using Integra.Gateway.Portal.Tracking;

namespace Integra.Gateway.Portal;

/// <summary>What the gateway lends the portal for orders: submission, tracking and the desk (each implemented by the gateway).</summary>
public sealed record PortalOrderServices(IPortalIntake Intake, IOrderViews Orders, IDeskViews Desk);
