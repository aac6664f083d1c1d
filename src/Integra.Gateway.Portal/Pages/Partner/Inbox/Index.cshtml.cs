using Integra.Gateway.Portal.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Partner.Inbox;

/// <summary>The partner's portal inbox (SPEC §5): every answer delivered on the portal, newest first.</summary>
public sealed class InboxModel(IPortalIntake intake) : InboxPageModel
{
    /// <summary>How many answers the page lists; older ones stay downloadable from their orders.</summary>
    public const int Shown = 200;

    public IReadOnlyList<PortalAnswer> Answers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!MayRead)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Answers = await intake.InboxAsync(Partner, Shown, OnlyOf, HttpContext.RequestAborted);
        return Page();
    }
}
