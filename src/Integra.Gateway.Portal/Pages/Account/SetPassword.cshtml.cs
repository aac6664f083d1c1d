using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Account;

/// <summary>A one-time link's page: the first sign-in of a new account, or a reset. Using it signs the user in.</summary>
public sealed class SetPasswordModel(SignInLinks links, IPortalStore store, Auditor audit) : PortalPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Valid { get; private set; }

    public string Who { get; private set; } = string.Empty;

    public string? Problem { get; private set; }

    public void OnGet() => Load(links.Peek(Token));

    public async Task<IActionResult> OnPostAsync(string? password, string? confirm)
    {
        var owner = Load(links.Peek(Token));
        if (!Valid || owner is null)
        {
            return Page();
        }

        Problem = PasswordRules.Problem(password, owner.Email, owner.Name) ?? (password != confirm ? "The two passwords differ." : null);
        if (Problem is not null)
        {
            return Page();
        }

        if (links.Use(Token) is not { } id || store.FindUser(id) is not { Disabled: false } user)
        {
            Valid = false;
            return Page();
        }

        store.SetPassword(user.Id, SignInService.Hash(user, password!));
        audit.Record(HttpContext, user.Email, user.Partner, AuditActions.PasswordSet, user.Email, "by one-time link");
        audit.Record(HttpContext, user.Email, user.Partner, AuditActions.SignIn, user.Email, "by one-time link");
        await HttpContext.SignInAsync(Identity.Scheme, Identity.Principal(user));
        return Redirect("/");
    }

    private PortalUser? Load(long? userId)
    {
        var user = userId is { } id ? store.FindUser(id) : null;
        Valid = user is { Disabled: false };
        Who = user?.Name ?? string.Empty;
        return user;
    }
}
