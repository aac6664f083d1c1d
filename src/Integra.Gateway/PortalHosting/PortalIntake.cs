using Integra.Gateway.Portal.Submissions;

namespace Integra.Gateway.PortalHosting;

/// <summary>Partners' submissions from the portal, through the one intake pipeline on channel portal.</summary>
public sealed class PortalIntake : IPortalIntake
{
}
