using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Account;

public sealed class SignInModel(SignInService signIn) : PortalPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string Email { get; set; } = string.Empty;

    public string? Problem { get; private set; }

    public const string WrongOrLocked = "The e-mail address or the password is wrong, or the account is locked for a while after too many attempts. Try again later, or ask your administrator for a new sign-in link.";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? password, CancellationToken cancellationToken)
    {
        var (result, user) = await signIn.SignInAsync(HttpContext, Email ?? string.Empty, password ?? string.Empty, cancellationToken);
        switch (result)
        {
            case SignInOutcome.Success:
                await HttpContext.SignInAsync(Identity.Scheme, Identity.Principal(user!));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            default:
                // One answer for an unknown e-mail, a wrong password, a locked or a disabled account (SPEC §7): the
                // page never tells a stranger which addresses have accounts; the audit trail tells the desk which it was.
                Problem = WrongOrLocked;
                break;
        }

        return Page();
    }
}
