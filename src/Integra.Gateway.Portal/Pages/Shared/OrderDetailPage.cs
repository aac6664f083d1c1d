using Integra.Gateway.Portal.Tracking;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages;

/// <summary>
/// An order's page (the partner's, the desk's) and the download of its response files. An order outside the scope is
/// "not found", the same as an id that does not exist, and so is a file that is not the order's.
/// </summary>
public abstract class OrderDetailPage(IOrderViews orders) : PortalPageModel
{
    public OrderDetail? Order { get; private set; }

    /// <summary>The list this page belongs to, for the way back.</summary>
    public abstract string ListPath { get; }

    /// <summary>This page's path, for the download links.</summary>
    public abstract string DetailPath { get; }

    /// <summary>The link that downloads <paramref name="file"/> of this order.</summary>
    public string DownloadLink(ResponseFileInfo file) =>
        $"{DetailPath}?id={Order!.Order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}&handler=File&file={Uri.EscapeDataString(file.Id)}";

    /// <summary>Whether the page links the supplement form (a partner user with the LSR privilege, an open LSR).</summary>
    public virtual bool OffersSupplement => false;

    protected async Task<IActionResult> LoadAsync(OrderScope scope, long id)
    {
        Order = await orders.FindAsync(scope, id, HttpContext.RequestAborted);
        return Order is null ? NotFound() : Page();
    }

    /// <summary>The file as the channel delivered it: same name, same bytes.</summary>
    protected async Task<IActionResult> DownloadAsync(OrderScope scope, long id, string? file) =>
        file is not null && await orders.DownloadAsync(scope, id, file, HttpContext.RequestAborted) is { } download
            ? File(download.Content, "text/csv", download.Name)
            : NotFound();
}
