using System.Net.Mail;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Partners;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integra.Gateway.Portal.Pages.Staff.Admin;

/// <summary>A staff admin's staff accounts: create desk or admin staff (a one-time link is mailed), disable, enable, link again.</summary>
public sealed class StaffModel(IPortalStore store, UserAdministration accounts, PartnerAdministration partners) : PortalPageModel
{
    public IReadOnlyList<PortalUser> Staff { get; private set; } = [];

    public string? Problem { get; private set; }

    public string? Email { get; private set; }

    public string? Name { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public void OnGet() => Staff = store.UsersOf(null);

    public async Task<IActionResult> OnPostCreateAsync(string? email, string? name, string? role, CancellationToken cancellationToken)
    {
        (Email, Name) = (email, name);
        if (!MailAddress.TryCreate(email?.Trim(), out var address) || address.Address != email!.Trim() || string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            return Refused("Give the staff member's e-mail address and name.");
        }

        if (role is not (PortalRoles.Desk or PortalRoles.Admin))
        {
            return Refused("Choose desk or admin.");
        }

        var wanted = new NewPortalUser(address.Address, name.Trim(), role, null, Privileges.None);
        if (await accounts.CreateAsync(HttpContext, SignedIn, wanted, cancellationToken) is null)
        {
            return Refused($"{address.Address} already has a portal account.");
        }

        Message = $"{address.Address} ({role}) was created; a one-time sign-in link is on its way by e-mail.";
        return RedirectToPage();
    }

    public IActionResult OnPostDisabled(long user, bool disabled)
    {
        // Staff only, never oneself (Manageable): a staff admin cannot lock the last door behind them.
        if (accounts.Manageable(SignedIn, user) is not { Partner: null } account)
        {
            return NotFound();
        }

        accounts.SetDisabled(HttpContext, SignedIn, account, disabled);
        Message = disabled ? $"{account.Email} is disabled and was signed out." : $"{account.Email} is enabled again.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLinkAsync(long user, CancellationToken cancellationToken)
    {
        if (accounts.Manageable(SignedIn, user) is not { Partner: null } account)
        {
            return NotFound();
        }

        var result = await partners.SendLinkAgainAsync(HttpContext, SignedIn.Email, account.Id, cancellationToken);
        if (!result.Done)
        {
            return Refused(result.Problem!);
        }

        Message = $"A new one-time link was sent to {account.Email}; earlier ones no longer work.";
        return RedirectToPage();
    }

    private PageResult Refused(string problem)
    {
        Problem = problem;
        OnGet();
        return Page();
    }
}
