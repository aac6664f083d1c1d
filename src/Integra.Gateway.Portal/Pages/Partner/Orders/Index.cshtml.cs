using Integra.Gateway.Portal.Tracking;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Partner.Orders;

/// <summary>The signed-in partner's orders from every channel; users without a privilege are refused.</summary>
public sealed class PartnerOrdersModel(IOrderViews orders) : OrderListPage(orders)
{
    public override string ListPath => "/Partner/Orders";

    public override string DetailPath => "/Partner/Orders/Detail?id=";

    public override bool AcrossPartners => false;

    public async Task<IActionResult> OnGetAsync() => OrderScope.ForPartnerUser(SignedIn) is { } scope ? await LoadAsync(scope) : StatusCode(Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden);
}
