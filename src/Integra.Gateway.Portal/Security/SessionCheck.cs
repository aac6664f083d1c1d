using Integra.Gateway.Portal.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Integra.Gateway.Portal.Security;

/// <summary>
/// On every request, the signed-in user is read again from the store: a disabled or removed user is signed out at
/// once, and so is every user of a partner whose portal access a staff admin switched off; changed privileges apply at
/// the next page (the claims are rebuilt from the store's row).
/// </summary>
public static class SessionCheck
{
    public const string UserItem = "portal.user";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var store = context.HttpContext.RequestServices.GetRequiredService<IPortalStore>();
        var aborted = context.HttpContext.RequestAborted;
        var user = context.Principal is { } principal && Identity.UserId(principal) is { } id ? await store.FindUserAsync(id, aborted) : null;
        if (user is null || user.Disabled || (user.Partner is { } partner && await store.FindPartnerAccessAsync(partner, aborted) is { Disabled: true }))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Identity.Scheme);
            return;
        }

        context.HttpContext.Items[UserItem] = user;
        context.ReplacePrincipal(Identity.Principal(user));
    }
}
