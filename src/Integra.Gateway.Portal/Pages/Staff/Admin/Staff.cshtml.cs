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

    public async Task OnGetAsync(CancellationToken cancellationToken) => Staff = await store.UsersOfAsync(null, cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? email, string? name, string? role, CancellationToken cancellationToken)
    {
        (Email, Name) = (email, name);
        if (!MailAddress.TryCreate(email?.Trim(), out var address) || address.Address != email!.Trim() || string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            return await RefusedAsync("Give the staff member's e-mail address and name.", cancellationToken);
        }

        if (role is not (PortalRoles.Desk or PortalRoles.Admin))
        {
            return await RefusedAsync("Choose desk or admin.", cancellationToken);
        }

        var wanted = new NewPortalUser(address.Address, name.Trim(), role, null, Privileges.None);
        if (await accounts.CreateAsync(HttpContext, SignedIn, wanted, cancellationToken) is null)
        {
            return await RefusedAsync($"{address.Address} already has a portal account.", cancellationToken);
        }

        Message = $"{address.Address} ({role}) was created; a one-time sign-in link is on its way by e-mail.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisabledAsync(long user, bool disabled, CancellationToken cancellationToken)
    {
        // Staff only, never oneself (ManageableAsync): a staff admin cannot lock the last door behind them.
        if (await accounts.ManageableAsync(SignedIn, user, cancellationToken) is not { Partner: null } account)
        {
            return NotFound();
        }

        await accounts.SetDisabledAsync(HttpContext, SignedIn, account, disabled, cancellationToken);
        Message = disabled ? $"{account.Email} is disabled and was signed out." : $"{account.Email} is enabled again.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLinkAsync(long user, CancellationToken cancellationToken)
    {
        if (await accounts.ManageableAsync(SignedIn, user, cancellationToken) is not { Partner: null } account)
        {
            return NotFound();
        }

        var result = await partners.SendLinkAgainAsync(HttpContext, SignedIn.Email, account.Id, cancellationToken);
        if (!result.Done)
        {
            return await RefusedAsync(result.Problem!, cancellationToken);
        }

        Message = $"A new one-time link was sent to {account.Email}; earlier ones no longer work.";
        return RedirectToPage();
    }

    private async Task<PageResult> RefusedAsync(string problem, CancellationToken cancellationToken)
    {
        Problem = problem;
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
