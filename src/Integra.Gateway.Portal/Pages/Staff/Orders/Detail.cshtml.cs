using Integra.Gateway.Portal.Tracking;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Staff.Orders;

/// <summary>Any partner's order for the desk, with the response files that partner got.</summary>
public sealed class StaffOrderModel(IOrderViews orders) : OrderDetailPage(orders)
{
    public override string DetailPath => "/Staff/Orders/Detail";

    public override string ListPath => "/Staff/Orders";

    public IActionResult OnGet(long id) => Load(OrderScope.AllPartners, id);

    public IActionResult OnGetFile(long id, string? file) => Download(OrderScope.AllPartners, id, file);
}
