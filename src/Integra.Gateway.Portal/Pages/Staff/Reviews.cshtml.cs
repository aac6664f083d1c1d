using Integra.Gateway.Portal.Desk;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;

namespace Integra.Gateway.Portal.Pages.Staff;

/// <summary>
/// Pending expedite reviews (SPEC §4): approve with a date or deny. The rules decide; a refused date comes back on the
/// form in their words (422), a review decided meanwhile by someone else as 409, and a decision redirects to the list.
/// </summary>
public sealed class ReviewsModel(IDeskViews desk, Audit.Auditor auditor) : PortalPageModel
{
    // Built here rather than registered: it only pairs the gateway's decision with the audit trail.
    private readonly ReviewDesk _reviews = new(desk, auditor);

    public IReadOnlyList<PendingReviewView> Reviews { get; private set; } = [];

    /// <summary>The review whose form has a problem (partner, PON), and the problem.</summary>
    public (string Partner, string Pon, string Text)? Problem { get; private set; }

    /// <summary>The problem that concerns no form any more: the review was decided elsewhere.</summary>
    public string? Conflict { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync() => Reviews = await desk.PendingReviewsAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostApproveAsync(string partner, string pon, string? ver, string? dd)
    {
        LocalDate? date = null;
        if (!string.IsNullOrWhiteSpace(dd))
        {
            var parsed = LocalDatePattern.Iso.Parse(dd.Trim());
            if (!parsed.Success)
            {
                return await AnswerAsync(partner, pon, new ReviewResult(ReviewResultStatus.Refused, null, null, string.Empty, $"{dd} is not a date (yyyy-MM-dd)"));
            }

            date = parsed.Value;
        }

        return await AnswerAsync(partner, pon, await _reviews.DecideAsync(HttpContext, new ReviewRequest(partner, pon, true, date, SignedIn.Email, ver)));
    }

    public async Task<IActionResult> OnPostDenyAsync(string partner, string pon, string? ver) =>
        await AnswerAsync(partner, pon, await _reviews.DecideAsync(HttpContext, new ReviewRequest(partner, pon, false, null, SignedIn.Email, ver)));

    private async Task<IActionResult> AnswerAsync(string partner, string pon, ReviewResult result)
    {
        if (result.Status == ReviewResultStatus.Decided)
        {
            Message = $"{partner} PON {pon}: FOC {result.FocDate:yyyy-MM-dd} recorded for delivery on {Tracking.OrderText.Channel(result.Channel)} ({result.FileName}).";
            return RedirectToPage();
        }

        if (result.Status == ReviewResultStatus.Refused)
        {
            Problem = (partner, pon, result.Problem);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        else
        {
            Conflict = $"{partner} PON {pon} was not decided by you: {result.Problem}. It was decided already (by another desk user or the command line), and no second FOC was written.";
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        await OnGetAsync();
        return Page();
    }
}
