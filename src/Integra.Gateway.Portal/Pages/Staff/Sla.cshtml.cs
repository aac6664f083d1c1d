using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Desk;
using Integra.Gateway.Portal.Disputes;
using NodaTime;

namespace Integra.Gateway.Portal.Pages.Staff;

/// <summary>The SLA board: server-drawn SVG charts of the gateway's figures, refreshing itself every minute.</summary>
public sealed class SlaModel(IDeskViews desk, IPortalStore store, IEvidenceStore disputes, PortalClock clock) : PortalPageModel
{
    /// <summary>Seconds between refreshes: the figures are cheap to read, and a wall screen should not go stale.</summary>
    public const int RefreshSeconds = 60;

    public SlaBoard Board { get; private set; } = null!;

    /// <summary>Evidence requests the partner has not answered by the end of their due date (SPEC §7), oldest due first.</summary>
    public IReadOnlyList<EvidenceRequest> DisputesPastDue { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Board = SlaBoard.Build(await desk.SlaFiguresAsync(HttpContext.RequestAborted), await store.ProfilesAsync(HttpContext.RequestAborted), clock.Now);
        DisputesPastDue = await disputes.PastDueAsync(Instant.FromDateTimeOffset(clock.Now), HttpContext.RequestAborted);
    }
}
