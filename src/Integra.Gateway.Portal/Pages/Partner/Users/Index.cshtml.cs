using System.Net.Mail;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Audit;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Partner.Users;

/// <summary>A partner administrator's users: only the signed-in administrator's own partner, never another's.</summary>
public sealed class UsersModel(IPortalStore store, UserAdministration admin, Auditor audit) : PortalPageModel
{
    public IReadOnlyList<PortalUser> Users { get; private set; } = [];

    public int Administrators => Users.Count(u => u.Role == PortalRoles.PartnerAdmin && !u.Disabled);

    public string? Problem { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await store.UsersOfAsync(SignedIn.Partner, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? email, string? name, string[]? privileges, bool administrator, CancellationToken cancellationToken)
    {
        var me = SignedIn;
        if (!MailAddress.TryCreate(email?.Trim(), out var address) || string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            Problem = "Give the user's e-mail address and name.";
            await OnGetAsync(cancellationToken);
            return Page();
        }

        var wanted = new NewPortalUser(
            address.Address,
            name.Trim(),
            administrator ? PortalRoles.PartnerAdmin : PortalRoles.PartnerUser,
            me.Partner,
            PrivilegeText.Parse(string.Join(',', privileges ?? [])));
        if (await admin.CreateAsync(HttpContext, me, wanted, cancellationToken) is null)
        {
            // Only an address of this partner's own users is named as taken: whether another partner (or Integra)
            // has an account with it is not this administrator's business, so that answer is the same as success.
            if ((await store.UsersOfAsync(me.Partner, cancellationToken)).Any(u => string.Equals(u.Email, wanted.Email, StringComparison.OrdinalIgnoreCase)))
            {
                Problem = "That e-mail address is already one of your company's users.";
                await OnGetAsync(cancellationToken);
                return Page();
            }

            await audit.RecordAsync(HttpContext, me.Email, me.Partner, AuditActions.UserCreateRefused, wanted.Email, "the address has an account of another partner or of Integra; answered as if created");
        }

        Message = $"{wanted.Email} was created; a one-time sign-in link is on its way by e-mail.";
        return RedirectToPage();
    }
}
