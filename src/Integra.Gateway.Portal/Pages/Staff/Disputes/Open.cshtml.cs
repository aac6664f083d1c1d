using Integra.Gateway.Portal.Disputes;
using Microsoft.AspNetCore.Mvc;
using NodaTime.Text;

namespace Integra.Gateway.Portal.Pages.Staff.Disputes;

/// <summary>
/// Opens an evidence request from the order's page: the form lives there, this page only takes its post and goes
/// back to the order with the outcome.
/// </summary>
public sealed class OpenModel(EvidenceDesk desk) : PortalPageModel
{
    [TempData]
    public string? DisputeMessage { get; set; }

    [TempData]
    public string? DisputeProblem { get; set; }

    public IActionResult OnGet(long order) => RedirectToPage("/Staff/Orders/Detail", new { id = order });

    public async Task<IActionResult> OnPostAsync(long order, string? reason, string[]? tns, string? due, CancellationToken cancellationToken)
    {
        NodaTime.LocalDate? date = null;
        if (!string.IsNullOrWhiteSpace(due))
        {
            var parsed = LocalDatePattern.Iso.Parse(due.Trim());
            if (!parsed.Success)
            {
                DisputeProblem = $"{due} is not a date (yyyy-MM-dd).";
                return RedirectToPage("/Staff/Orders/Detail", new { id = order });
            }

            date = parsed.Value;
        }

        var result = await desk.OpenAsync(HttpContext, SignedIn, order, reason, tns ?? [], date, cancellationToken);
        if (result.Done)
        {
            DisputeMessage = result.Message;
            return RedirectToPage("/Staff/Disputes/Detail", new { id = result.Id });
        }

        DisputeProblem = result.Message;
        return RedirectToPage("/Staff/Orders/Detail", new { id = order });
    }
}
