using Integra.Gateway.Portal.Submissions;
using Integra.Gateway.Rules.Reference;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Partner.Submit;

/// <summary>A new LSR (SUP blank): see <see cref="LsrFormPage"/>.</summary>
public sealed class LsrModel(IPortalIntake intake, Func<ReferenceData> data) : LsrFormPage(intake, data)
{
    public IActionResult OnGet()
    {
        if (!MaySubmit)
        {
            return Forbidden();
        }

        Start();
        return Page();
    }

    public IActionResult OnPostCheck() => MaySubmit ? Check() : Forbidden();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        MaySubmit ? await SubmitAsync(cancellationToken) : Forbidden();
}
