using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Disputes;
using Integra.Gateway.Portal.Tracking;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Partner.Orders;

/// <summary>One of the signed-in partner's orders, and its response files; another partner's order is not found.</summary>
public sealed class PartnerOrderModel(IOrderViews orders, EvidenceDesk desk) : OrderDetailPage(orders)
{
    /// <summary>Integra's evidence requests on this order.</summary>
    public IReadOnlyList<EvidenceRequest> Disputes { get; private set; } = [];

    public NodaTime.Instant Now => desk.Now;

    public override string DetailPath => "/Partner/Orders/Detail";

    public override string ListPath => "/Partner/Orders";

    /// <summary>SPEC §7: LSR is the privilege to submit LSRs and supplements.</summary>
    public override bool OffersSupplement => Order is { CanSupplement: true } && SignedIn.Privileges.HasFlag(Privileges.Lsr);

    public async Task<IActionResult> OnGetAsync(long id)
    {
        Disputes = await desk.ForOrderAsync(SignedIn, id, HttpContext.RequestAborted);
        return OrderScope.ForPartnerUser(SignedIn) is { } scope ? await LoadAsync(scope, id) : StatusCode(Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden);
    }

    public async Task<IActionResult> OnGetFileAsync(long id, string? file) => OrderScope.ForPartnerUser(SignedIn) is { } scope ? await DownloadAsync(scope, id, file) : StatusCode(Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden);
}
