using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Partner.Submit;

/// <summary>
/// A submission page: it needs a privilege of the signed-in user (SPEC §7: CSR to submit CSR requests, LSR for LSRs
/// and supplements; a partner administrator has the ones given at onboarding) and carries a form id per rendered form.
/// A missing privilege is 403, not a redirect: the user is signed in, the page is not theirs.
/// </summary>
public abstract class SubmitPageModel : PortalPageModel
{
    /// <summary>The id of the form as rendered; a post carries it back (exactly once).</summary>
    [BindProperty]
    public string FormId { get; set; } = string.Empty;

    /// <summary>The answer of the last post, shown on the page.</summary>
    public PortalAnswer? Answer { get; protected set; }

    /// <summary>A problem with the post itself (no file chosen), before anything was submitted.</summary>
    public string? Problem { get; protected set; }

    public string Partner => SignedIn.Partner!;

    protected bool May(Privileges privilege) => SignedIn.Privileges.HasFlag(privilege);

    protected IActionResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden);

    /// <summary>The submission of the posted form; null when the post carries no valid form id (not rendered by us).</summary>
    protected PortalSubmission? Submission(UploadedFile? loa = null) =>
        FormIds.IsValid(FormId) ? new PortalSubmission(Partner, SignedIn.Email, FormId, loa) : null;

    /// <summary>After an answer the page shows a fresh form: posting it again is a new request, the old one stays answered.</summary>
    protected void Answered(PortalAnswer answer)
    {
        Answer = answer;
        FormId = FormIds.New();
    }

    /// <summary>As <see cref="Answered"/>, for a web form: the messages in the form's words (<see cref="FormWords"/>).</summary>
    protected PortalAnswer AnsweredOnForm(PortalAnswer answer)
    {
        Answered(FormWords.OnAForm(answer));
        return Answer!;
    }

    /// <summary>An uploaded file's bytes with a plain name (browsers may send a path), or null when none was chosen.</summary>
    protected static async Task<UploadedFile?> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return new UploadedFile(Path.GetFileName(file.FileName.Replace('\\', '/')), buffer.ToArray());
    }
}
