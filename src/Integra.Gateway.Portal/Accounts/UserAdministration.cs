using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Mail;
using Microsoft.AspNetCore.Http;

namespace Integra.Gateway.Portal.Accounts;

/// <summary>
/// What administrators do to accounts: a partner administrator to its own partner's users, a staff admin to staff.
/// Every action is audited. The caller has checked the role; <see cref="ManageableAsync"/> checks the partner, so that an
/// administrator's request for another partner's user is answered as if the user did not exist.
/// </summary>
public sealed class UserAdministration(IPortalStore store, SignInLinks links, IPortalMailer mailer, Auditor audit, TimeProvider time)
{
    /// <summary>The user with this id if <paramref name="admin"/> may manage it (same partner; staff admins manage staff), else null.</summary>
    public async Task<PortalUser?> ManageableAsync(PortalUser admin, long id, CancellationToken cancellationToken) =>
        await store.FindUserAsync(id, cancellationToken) is { } user && user.Id != admin.Id && user.Partner == admin.Partner && (admin.Partner is not null || admin.Role == PortalRoles.Admin)
            ? user
            : null;

    /// <summary>Creates the account and mails its first sign-in link; the link when created, null when the address is taken.</summary>
    public async Task<string?> CreateAsync(HttpContext? context, PortalUser admin, NewPortalUser wanted, CancellationToken cancellationToken)
    {
        if (await store.AddUserAsync(wanted, time.GetUtcNow(), cancellationToken) is not { } user)
        {
            return null;
        }

        var link = await links.CreateAsync(user.Id, cancellationToken);
        await audit.RecordAsync(context, admin.Email, admin.Partner, AuditActions.UserCreated, user.Email, $"{user.Role} {PrivilegeText.Format(user.Privileges)}");
        await mailer.SendAsync(
            new PortalMail([user.Email], "Integra portal: your account", $"""
                Hello {user.Name},

                {admin.Name} created your Integra portal account ({user.Email}).
                Open this link once to choose your password:
                {link}
                """, []),
            cancellationToken);
        return link;
    }

    public async Task SetPrivilegesAsync(HttpContext? context, PortalUser admin, PortalUser user, Privileges privileges, CancellationToken cancellationToken)
    {
        await store.SetPrivilegesAsync(user.Id, privileges, cancellationToken);
        await audit.RecordAsync(context, admin.Email, admin.Partner, AuditActions.PrivilegesChanged, user.Email, $"{PrivilegeText.Format(user.Privileges)} -> {PrivilegeText.Format(privileges)}");
    }

    /// <summary>Mails the user a one-time link to choose a new password and ends the user's open sessions.</summary>
    public async Task ResetAsync(HttpContext? context, PortalUser admin, PortalUser user, CancellationToken cancellationToken)
    {
        var link = await links.CreateAsync(user.Id, cancellationToken);
        await store.RemoveSessionsOfAsync(user.Id, cancellationToken);
        await audit.RecordAsync(context, admin.Email, admin.Partner, AuditActions.PasswordReset, user.Email);
        await mailer.SendAsync(
            new PortalMail([user.Email], "Integra portal: choose a new password", $"""
                Hello {user.Name},

                {admin.Name} sent you a link to choose a new password for the Integra portal. It works once:
                {link}

                If you did not ask for it, tell your administrator.
                """, []),
            cancellationToken);
    }

    public async Task SetDisabledAsync(HttpContext? context, PortalUser admin, PortalUser user, bool disabled, CancellationToken cancellationToken)
    {
        await store.SetDisabledAsync(user.Id, disabled, cancellationToken);
        if (disabled)
        {
            await store.RemoveSessionsOfAsync(user.Id, cancellationToken);
        }

        await audit.RecordAsync(context, admin.Email, admin.Partner, disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, user.Email);
    }
}
