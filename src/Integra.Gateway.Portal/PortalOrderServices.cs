using Integra.Gateway.Portal.Desk;
using Integra.Gateway.Portal.Disputes;
using Integra.Gateway.Portal.Submissions;
using Integra.Gateway.Portal.Tracking;
using Integra.Gateway.Portal.Webhooks;

namespace Integra.Gateway.Portal;

/// <summary>What the gateway lends the portal for orders: submission, tracking, the desk, disputes and webhooks (each implemented by the gateway).</summary>
public sealed record PortalOrderServices(IPortalIntake Intake, IOrderViews Orders, IDeskViews Desk, DisputeServices Disputes, IWebhookStore Webhooks);
