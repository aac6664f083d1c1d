using Integra.Gateway.Portal.Tracking;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Staff.Orders;

/// <summary>The desk's order look-up across partners, by PON, TN, partner, state and date.</summary>
public sealed class StaffOrdersModel(IOrderViews orders) : OrderListPage(orders)
{
    public override string ListPath => "/Staff/Orders";

    public override string DetailPath => "/Staff/Orders/Detail?id=";

    public override bool AcrossPartners => true;

    public Task<IActionResult> OnGetAsync() => LoadAsync(OrderScope.AllPartners);
}
