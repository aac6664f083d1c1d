using Integra.Gateway.Portal.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Partner.Users;

/// <summary>One user of the administrator's partner; another partner's id is a 404, exactly like an unknown one.</summary>
public sealed class EditUserModel(UserAdministration admin) : PortalPageModel
{
    public new PortalUser? User { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public IActionResult OnGet(long id) => Load(id) ? Page() : NotFound();

    public IActionResult OnPostPrivileges(long id, string[]? privileges)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        admin.SetPrivileges(HttpContext, SignedIn, User!, PrivilegeText.Parse(string.Join(',', privileges ?? [])));
        Message = "Privileges saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetAsync(long id, CancellationToken cancellationToken)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        await admin.ResetAsync(HttpContext, SignedIn, User!, cancellationToken);
        Message = "A reset link was sent; the user's open sessions were ended.";
        return RedirectToPage(new { id });
    }

    public IActionResult OnPostDisable(long id, bool disabled)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        admin.SetDisabled(HttpContext, SignedIn, User!, disabled);
        Message = disabled ? "The user is disabled and signed out everywhere." : "The user is enabled.";
        return RedirectToPage(new { id });
    }

    private bool Load(long id)
    {
        User = admin.Manageable(SignedIn, id);
        return User is not null;
    }
}
