using Integra.Gateway.Portal.Disputes;
using Integra.Gateway.Portal.Tracking;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Integra.Gateway.Portal.Pages.Staff.Orders;

/// <summary>Any partner's order for the desk, with the response files that partner got, its evidence requests and package.</summary>
public sealed class StaffOrderModel(IOrderViews orders, IEvidenceStore disputes, EvidenceDesk desk) : OrderDetailPage(orders)
{
    public override string DetailPath => "/Staff/Orders/Detail";

    public override string ListPath => "/Staff/Orders";

    public IReadOnlyList<EvidenceRequest> Disputes { get; private set; } = [];

    public Instant Now => desk.Now;

    public LocalDate DefaultDue => desk.DefaultDueDate();

    public string DeskZone => desk.DeskZoneId;

    [TempData]
    public string? DisputeMessage { get; set; }

    [TempData]
    public string? DisputeProblem { get; set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        Disputes = await disputes.OfOrderAsync(null, id, HttpContext.RequestAborted);
        return await LoadAsync(OrderScope.AllPartners, id);
    }

    public Task<IActionResult> OnGetFileAsync(long id, string? file) => DownloadAsync(OrderScope.AllPartners, id, file);
}
