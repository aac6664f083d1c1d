using Integra.Gateway.Portal.Partners;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Submissions;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Partner.Submit;

/// <summary>
/// The CSR form (SPEC §7, §2.2): AN and/or TN, AGAUTH, INITTEL, and for agents the end user's letter of authorization
/// as an upload. The LOA column names the uploaded file, and the rules check its content (C2: PDF, TIFF, PNG or JPEG,
/// else R11) exactly as for a file beside a CSR in a drop. Answered on the page: CSR rows, or rejects with their fixes.
/// </summary>
public sealed class CsrModel(IPortalIntake intake, PartnerFormDefaults defaults) : SubmitPageModel
{
    [BindProperty]
    public Dictionary<string, string?> F { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public FieldErrors Errors { get; private set; } = FieldErrors.None;

    /// <summary>What the LOA field takes, written beside it.</summary>
    public string LoaHint => UploadLimits.LoaHint(intake);

    public string Value(Field field) => F.TryGetValue(field.Name(), out var v) ? v ?? string.Empty : string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!May(Privileges.Csr))
        {
            return Forbidden();
        }

        FormId = FormIds.New();
        F[Field.Ccna.Name()] = await defaults.CcnaAsync(Partner, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? loa, CancellationToken cancellationToken)
    {
        if (!May(Privileges.Csr))
        {
            return Forbidden();
        }

        var document = await ReadAsync(loa, cancellationToken);
        if (Submission(document) is not { } submission)
        {
            return BadRequest();
        }

        if (document is not null && document.Content.LongLength > intake.MaxLoaBytes)
        {
            // Refused on the page, not dropped and answered R11 "not delivered": the form id stays unused, what was typed stays.
            Errors = FieldErrors.Refused([(Field.Loa, UploadLimits.LoaTooLarge(intake, document))]);
            return Page();
        }

        var fields = FormFields.From(F, FormFields.Csr);
        fields[Field.Loa] = document?.Name ?? string.Empty;
        var answer = await intake.SubmitFormAsync(submission, new RequestForm(RequestKind.Csr, fields[Field.Pon], [fields]), cancellationToken);
        Errors = FieldErrors.Of(AnsweredOnForm(answer), [.. FormFields.Csr, Field.Loa]);
        return Page();
    }
}
