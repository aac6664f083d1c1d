using System.Net.Mail;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Mail;
using Integra.Gateway.Portal.Onboarding;
using Integra.Gateway.Rules.Reference;
using Microsoft.AspNetCore.Http;

namespace Integra.Gateway.Portal.Partners;

/// <summary>The outcome of a staff admin's action: done (with the one-time link when one was made), or why not.</summary>
public sealed record AdminResult(bool Done, string? Problem, string? Link = null)
{
    public static AdminResult No(string problem) => new(false, problem);
}

/// <summary>A partner as the staff admin's list shows it.</summary>
/// <param name="Partner">From partners.csv or onboarding.</param>
/// <param name="Onboarded">Approved through the portal (else partners.csv).</param>
/// <param name="Administrators">Its administrators that are not disabled.</param>
/// <param name="Waiting">Its accounts whose first sign-in link is not used yet.</param>
/// <param name="Users">All its accounts.</param>
/// <param name="Access">The staff admin's switch; null: access on.</param>
public sealed record PartnerOverview(Partner Partner, bool Onboarded, int Administrators, int Waiting, int Users, PartnerAccess? Access)
{
    public bool Disabled => Access is { Disabled: true };
}

/// <summary>
/// What a staff admin does to partners (SPEC §7): adds partner administrators to any partner, the partners of
/// partners.csv included; sends one-time links again; switches a partner's portal access off (with a reason) and on.
/// Every action is audited with the staff admin as actor. The caller has checked the role (StaffAdminPolicy).
/// </summary>
public sealed class PartnerAdministration(IPortalStore store, PartnerDirectory partners, SignInLinks links, IPortalMailer mailer, Auditor audit, PortalSettings settings, TimeProvider time)
{
    public async Task<IReadOnlyList<PartnerOverview>> OverviewAsync(CancellationToken cancellationToken)
    {
        var onboarded = (await store.ApprovedPartnersAsync(cancellationToken)).Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var access = (await store.PartnerAccessAsync(cancellationToken)).ToDictionary(a => a.Partner, StringComparer.OrdinalIgnoreCase);
        var overview = new List<PartnerOverview>();
        foreach (var p in (await partners.AllAsync(cancellationToken)).OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            overview.Add(await OverviewOfAsync(p, onboarded.Contains(p.Id), access.GetValueOrDefault(p.Id), cancellationToken));
        }

        return overview;
    }

    /// <summary>One partner's overview (one partner's page: its users only, not every partner's); null when there is no such partner.</summary>
    public async Task<PartnerOverview?> FindAsync(string? id, CancellationToken cancellationToken)
    {
        if (id is null || await partners.FindAsync(id, cancellationToken) is not { } partner)
        {
            return null;
        }

        var onboarded = (await store.ApprovedPartnersAsync(cancellationToken)).Any(p => string.Equals(p.Id, partner.Id, StringComparison.OrdinalIgnoreCase));
        return await OverviewOfAsync(partner, onboarded, await store.FindPartnerAccessAsync(partner.Id, cancellationToken), cancellationToken);
    }

    private async Task<PartnerOverview> OverviewOfAsync(Partner partner, bool onboarded, PartnerAccess? access, CancellationToken cancellationToken)
    {
        var users = await store.UsersOfAsync(partner.Id, cancellationToken);
        return new PartnerOverview(
            partner,
            onboarded,
            users.Count(u => u.Role == PortalRoles.PartnerAdmin && !u.Disabled),
            users.Count(u => u.PasswordHash is null && !u.Disabled),
            users.Count,
            access);
    }

    /// <summary>
    /// Adds a partner administrator (privileges CSR, LSR and VIEW, as onboarding gives them) and mails the first
    /// sign-in link with the two guides. Refused for an unknown partner, a malformed address or one that has an account.
    /// </summary>
    public async Task<AdminResult> AddAdministratorAsync(HttpContext? context, string actor, string partnerId, string? email, string? name, CancellationToken cancellationToken)
    {
        if (await partners.FindAsync(partnerId.Trim(), cancellationToken) is not { } partner)
        {
            return AdminResult.No($"There is no partner {partnerId.Trim()} (partners.csv or onboarded).");
        }

        if (!MailAddress.TryCreate(email?.Trim(), out var address) || address.Address != email!.Trim())
        {
            return AdminResult.No($"'{email}' is not an e-mail address.");
        }

        var displayName = string.IsNullOrWhiteSpace(name) ? address.Address : name.Trim();
        if (displayName.Length > 100)
        {
            return AdminResult.No("The name may have at most 100 characters.");
        }

        var wanted = new NewPortalUser(address.Address, displayName, PortalRoles.PartnerAdmin, partner.Id, Privileges.Csr | Privileges.Lsr | Privileges.View);
        if (await store.AddUserAsync(wanted, time.GetUtcNow(), cancellationToken) is not { } user)
        {
            // Staff may know that an address is taken; partners are never told (UserAdministration).
            return AdminResult.No($"{address.Address} already has a portal account.");
        }

        var link = await links.CreateAsync(user.Id, cancellationToken);
        await audit.RecordAsync(context, actor, partner.Id, AuditActions.UserCreated, user.Email, "partner administrator added by a staff admin; first sign-in link sent");
        await mailer.SendAsync(AccountMails.Administrator(settings, partner, user, link, newPartner: false), cancellationToken);
        return new AdminResult(true, null, link);
    }

    /// <summary>Mails a new one-time link to a partner's user or a staff member (earlier links stop working); a set password stays until the link is used.</summary>
    public async Task<AdminResult> SendLinkAgainAsync(HttpContext? context, string actor, long userId, CancellationToken cancellationToken)
    {
        if (await store.FindUserAsync(userId, cancellationToken) is not { Disabled: false } user)
        {
            return AdminResult.No("No such account, or it is disabled: enable it first.");
        }

        var link = await links.CreateAsync(user.Id, cancellationToken);
        await audit.RecordAsync(context, actor, user.Partner, AuditActions.LinkSentAgain, user.Email, user.PasswordHash is null ? "first sign-in link sent again" : "new password link");
        await mailer.SendAsync(AccountMails.LinkAgain(settings, user, link), cancellationToken);
        return new AdminResult(true, null, link);
    }

    /// <summary>Switches the partner's portal access off (a reason is required; every session of its users ends at once) or on.</summary>
    public async Task<AdminResult> SetAccessAsync(HttpContext? context, string actor, string partnerId, bool disabled, string? reason, CancellationToken cancellationToken)
    {
        if (await partners.FindAsync(partnerId, cancellationToken) is not { } partner)
        {
            return AdminResult.No($"There is no partner {partnerId}.");
        }

        var why = (reason ?? string.Empty).Trim();
        if (disabled && why.Length == 0)
        {
            return AdminResult.No("Give the reason: it is kept in the audit trail.");
        }

        if (why.Length > 500)
        {
            return AdminResult.No("The reason may have at most 500 characters.");
        }

        await store.SetPartnerAccessAsync(new PartnerAccess(partner.Id, disabled, why, actor, time.GetUtcNow()), cancellationToken);
        if (disabled)
        {
            foreach (var user in await store.UsersOfAsync(partner.Id, cancellationToken))
            {
                await store.RemoveSessionsOfAsync(user.Id, cancellationToken);
            }
        }

        await audit.RecordAsync(context, actor, partner.Id, disabled ? AuditActions.PartnerDisabled : AuditActions.PartnerEnabled, partner.Id, why);
        return new AdminResult(true, null);
    }
}
