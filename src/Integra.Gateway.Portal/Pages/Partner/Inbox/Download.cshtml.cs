using Integra.Gateway.Portal.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Partner.Inbox;

/// <summary>
/// An answer as its <c>.resp.csv</c> file, the bytes the gateway wrote (the same an SFTP outbound folder gets), not a
/// page's rendering of them. Another partner's, like an unknown one, is a 404.
/// </summary>
public sealed class DownloadModel(IPortalIntake intake) : InboxPageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!MayRead)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        return await intake.DownloadAsync(Partner, id, OnlyOf, cancellationToken) is { } file ? File(file.Content, "text/csv", file.Name) : NotFound();
    }
}
