using Integra.Gateway.Portal.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Integra.Gateway.Portal.Security;

/// <summary>
/// On every request, the signed-in user is read again from the store (with the session, in the same statement: see
/// <see cref="StoreTicketStore"/>): a disabled or removed user is signed out at
/// once, and so is every user of a partner whose portal access a staff admin switched off; changed privileges apply at
/// the next page (the claims are rebuilt from the store's row).
/// </summary>
public static class SessionCheck
{
    public const string UserItem = "portal.user";

    /// <summary>The request's <see cref="PortalSession"/>, as <see cref="StoreTicketStore"/> read it with the ticket.</summary>
    public const string SessionItem = "portal.session";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal is { } principal ? Identity.UserId(principal) : null;
        var (user, mayUse) = context.HttpContext.Items[SessionItem] is PortalSession { User: { } read } session && read.Id == id
            ? (read, session.UserMayUsePortal)
            : await ReadAsync(context.HttpContext, id);
        if (user is null || !mayUse)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Identity.Scheme);
            return;
        }

        context.HttpContext.Items[UserItem] = user;
        context.ReplacePrincipal(Identity.Principal(user));
    }

    /// <summary>The user and whether it may use the portal, read on their own (a ticket that did not come from the store's session read).</summary>
    private static async Task<(PortalUser? User, bool MayUse)> ReadAsync(HttpContext context, long? id)
    {
        var store = context.RequestServices.GetRequiredService<IPortalStore>();
        var user = id is { } userId ? await store.FindUserAsync(userId, context.RequestAborted) : null;
        var access = user?.Partner is { } partner ? await store.FindPartnerAccessAsync(partner, context.RequestAborted) : null;
        return (user, PortalSession.MayUsePortal(user, access));
    }
}
