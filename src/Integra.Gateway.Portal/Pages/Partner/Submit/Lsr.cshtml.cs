using Integra.Gateway.Portal.Partners;
using Integra.Gateway.Portal.Submissions;
using Integra.Gateway.Rules.Reference;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Partner.Submit;

/// <summary>A new LSR (SUP blank): see <see cref="LsrFormPage"/>.</summary>
public sealed class LsrModel(IPortalIntake intake, PartnerFormDefaults defaults) : LsrFormPage(intake)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!MaySubmit)
        {
            return Forbidden();
        }

        await StartAsync(defaults, cancellationToken);
        return Page();
    }

    public IActionResult OnPostCheck() => MaySubmit ? Check() : Forbidden();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        MaySubmit ? await SubmitAsync(cancellationToken) : Forbidden();
}
