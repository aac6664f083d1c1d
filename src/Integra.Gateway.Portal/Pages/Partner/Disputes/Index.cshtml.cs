using Integra.Gateway.Portal.Disputes;
using NodaTime;

namespace Integra.Gateway.Portal.Pages.Partner.Disputes;

/// <summary>The partner's evidence requests the user may see (VIEW, or the privilege of the order's kind).</summary>
public sealed class IndexModel(EvidenceDesk desk) : PortalPageModel
{
    public IReadOnlyList<EvidenceRequest> Requests { get; private set; } = [];

    public Instant Now => desk.Now;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Requests = await desk.ForPartnerAsync(SignedIn, cancellationToken);
}
