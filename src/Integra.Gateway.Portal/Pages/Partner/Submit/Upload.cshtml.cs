using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Partner.Submit;

/// <summary>
/// Upload of a request file for a batch (SPEC §7): <c>*.lsr.csv</c> needs the LSR privilege, <c>*.csr.csv</c> the CSR
/// one. The file goes to the pipeline as it is, so its size and content are checked as on every channel (F01–F05,
/// the gateway's own limits) and it is answered like a file in a drop; LOAs its rows name may be uploaded with it.
/// </summary>
public sealed class UploadModel(IPortalIntake intake) : SubmitPageModel
{
    /// <summary>What the request file field takes, written beside it.</summary>
    public string FileHint => $"*.lsr.csv or *.csr.csv, at most {UploadLimits.Size(intake.MaxFileBytes)}";

    /// <summary>What the LOA field takes, written beside it.</summary>
    public string LoaHint => UploadLimits.LoaHint(intake);

    public IActionResult OnGet()
    {
        if (!May(Privileges.Lsr) && !May(Privileges.Csr))
        {
            return Forbidden();
        }

        FormId = FormIds.New();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, IFormFile? loa, CancellationToken cancellationToken)
    {
        var name = file?.FileName ?? string.Empty;
        var needed = name.EndsWith(".csr.csv", StringComparison.OrdinalIgnoreCase) ? Privileges.Csr
            : name.EndsWith(".lsr.csv", StringComparison.OrdinalIgnoreCase) ? Privileges.Lsr
            : Privileges.None;
        if (needed == Privileges.None ? !May(Privileges.Lsr) && !May(Privileges.Csr) : !May(needed))
        {
            return Forbidden();
        }

        if (await ReadAsync(file, cancellationToken) is not { } upload)
        {
            Problem = "Choose a request file (*.lsr.csv or *.csr.csv).";
            return Page();
        }

        var document = await ReadAsync(loa, cancellationToken);
        if (document is not null && document.Content.LongLength > intake.MaxLoaBytes)
        {
            Problem = UploadLimits.LoaTooLarge(intake, document);
            return Page();
        }

        if (Submission(document) is not { } submission)
        {
            return BadRequest();
        }

        Answered(await intake.SubmitFileAsync(submission, upload, cancellationToken));
        return Page();
    }
}
