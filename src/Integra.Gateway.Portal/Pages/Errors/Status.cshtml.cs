using System.Diagnostics;
using Integra.Gateway.Portal.Submissions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integra.Gateway.Portal.Pages.Errors;

/// <summary>
/// The page every error status ends on (400, 403, 404, 413, 500, …): what happened in words, the way back, and a
/// correlation id the desk finds in the logs. Re-executed by the status-code and exception middleware for any method,
/// so it takes no anti-forgery token (it changes nothing), binds nothing and shows nothing of the failed request but
/// its status.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(ILogger<StatusModel> log, IPortalIntake intake) : PortalPageModel
{
    public int Code { get; private set; }

    /// <summary>The request's trace id (the one the log lines of the failed request carry).</summary>
    public string CorrelationId { get; private set; } = string.Empty;

    public string Title => Code switch
    {
        400 => "The request could not be read",
        403 => "Not allowed",
        404 => "Not found",
        413 => "Too large",
        429 => "Too many requests",
        >= 500 => "Something went wrong on our side",
        _ => "The request was not completed",
    };

    public string Explanation => Code switch
    {
        400 => "The form was out of date or incomplete (for example opened in another tab before signing in again). Go back, reload the page and send it again.",
        403 => "Your account does not have the privilege for that page. Your administrator gives privileges on the Users page.",
        404 => "There is no such page, or nothing with that id that you may see.",
        413 => UploadLimits.TooLarge(intake),
        429 => "Too many attempts from your address in a short time. Wait a minute and try again.",
        >= 500 => "The portal could not complete the request. Nothing you did caused it. If it happens again, tell Integra's desk the reference below.",
        _ => "Go back and try again.",
    };

    public PageResult OnGet() => Show();

    public PageResult OnPost() => Show();

    private PageResult Show()
    {
        CorrelationId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;

        // Only the middleware comes here with a status to show; a visitor typing /Errors/500 sees a 404.
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is { } failure)
        {
            // The handler already chose the status (413 for a body over Kestrel's limit, else 500).
            Code = Response.StatusCode;
            log.LogError(failure.Error, "Portal request {CorrelationId} to {Path} failed with {Status}", CorrelationId, failure.Path, Code);
        }
        else
        {
            // The status the failed request had is still on the response (nothing is bound from the request: its
            // body may be the very thing that failed, e.g. over Kestrel's size limit).
            Code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null && Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode : StatusCodes.Status404NotFound;
        }

        Response.StatusCode = Code;
        return Page();
    }
}
