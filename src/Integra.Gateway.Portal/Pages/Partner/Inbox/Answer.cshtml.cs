using Integra.Gateway.Portal.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Partner.Inbox;

/// <summary>One answer of the partner's inbox; another partner's, like an unknown one, is a 404.</summary>
public sealed class AnswerModel(IPortalIntake intake) : InboxPageModel
{
    public PortalAnswer? Answer { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!MayRead)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Answer = await intake.AnswerAsync(Partner, id, OnlyOf, HttpContext.RequestAborted);
        return Answer is null ? NotFound() : Page();
    }
}
