using Integra.Gateway.Portal.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Partner.Users;

/// <summary>One user of the administrator's partner; another partner's id is a 404, exactly like an unknown one.</summary>
public sealed class EditUserModel(UserAdministration admin) : PortalPageModel
{
    public new PortalUser? User { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPrivilegesAsync(long id, string[]? privileges, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await admin.SetPrivilegesAsync(HttpContext, SignedIn, User!, PrivilegeText.Parse(string.Join(',', privileges ?? [])), cancellationToken);
        Message = "Privileges saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await admin.ResetAsync(HttpContext, SignedIn, User!, cancellationToken);
        Message = "A reset link was sent; the user's open sessions were ended.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDisableAsync(long id, bool disabled, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await admin.SetDisabledAsync(HttpContext, SignedIn, User!, disabled, cancellationToken);
        Message = disabled ? "The user is disabled and signed out everywhere." : "The user is enabled.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        User = await admin.ManageableAsync(SignedIn, id, cancellationToken);
        return User is not null;
    }
}
