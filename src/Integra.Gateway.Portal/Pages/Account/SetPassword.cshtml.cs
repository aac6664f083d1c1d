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

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(await links.PeekAsync(Token, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? password, string? confirm, CancellationToken cancellationToken)
    {
        var owner = await LoadAsync(await links.PeekAsync(Token, cancellationToken), cancellationToken);
        if (!Valid || owner is null)
        {
            return Page();
        }

        Problem = PasswordRules.Problem(password, owner.Email, owner.Name) ?? (password != confirm ? "The two passwords differ." : null);
        if (Problem is not null)
        {
            return Page();
        }

        // From the link's use on, the visitor leaving does not stop the rest: a used link without its password
        // would leave the account with neither.
        if (await links.UseAsync(Token, cancellationToken) is not { } id || await store.FindUserAsync(id, CancellationToken.None) is not { Disabled: false } user)
        {
            Valid = false;
            return Page();
        }

        await store.SetPasswordAsync(user.Id, SignInService.Hash(user, password!), CancellationToken.None);
        await audit.RecordAsync(HttpContext, user.Email, user.Partner, AuditActions.PasswordSet, user.Email, "by one-time link");
        await audit.RecordAsync(HttpContext, user.Email, user.Partner, AuditActions.SignIn, user.Email, "by one-time link");
        await HttpContext.SignInAsync(Identity.Scheme, Identity.Principal(user));
        return Redirect("/");
    }

    private async Task<PortalUser?> LoadAsync(long? userId, CancellationToken cancellationToken)
    {
        var user = userId is { } id ? await store.FindUserAsync(id, cancellationToken) : null;
        Valid = user is { Disabled: false };
        Who = user?.Name ?? string.Empty;
        return user;
    }
}
