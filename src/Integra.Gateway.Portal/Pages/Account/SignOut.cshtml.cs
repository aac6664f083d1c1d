using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Account;

public sealed class SignOutModel(Auditor audit) : PortalPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Me is { } me)
        {
            await audit.RecordAsync(HttpContext, me.Email, me.Partner, AuditActions.SignOut, me.Email);
        }

        // Removes the session from the store: the cookie is worthless on every instance from now on.
        await HttpContext.SignOutAsync(Identity.Scheme);
        return Redirect("/");
    }
}
