using Integra.Gateway.Portal.Disputes;
using NodaTime;

namespace Integra.Gateway.Portal.Pages.Staff.Disputes;

/// <summary>The desk's queue of evidence requests: the ones waiting on someone first by due time, past due flagged.</summary>
public sealed class IndexModel(IEvidenceStore store, EvidenceDesk desk) : PortalPageModel
{
    public IReadOnlyList<EvidenceRequest> Requests { get; private set; } = [];

    public Instant Now { get; private set; }

    public int PastDue => Requests.Count(r => r.PastDue(Now));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = desk.Now;
        Requests = await store.ListAsync(null, 500, cancellationToken);
    }
}
