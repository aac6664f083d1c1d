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

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? password)
    {
        var (result, user) = signIn.SignIn(HttpContext, Email ?? string.Empty, password ?? string.Empty);
        switch (result)
        {
            case SignInOutcome.Success:
                await HttpContext.SignInAsync(Identity.Scheme, Identity.Principal(user!));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInOutcome.LockedOut:
                Problem = "This account is locked after too many wrong passwords. Try again in 15 minutes, or ask your administrator for a reset link.";
                break;
            default:
                Problem = "Wrong e-mail or password.";
                break;
        }

        return Page();
    }
}
