using System.Security.Claims;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Security;
using Integra.Gateway.Portal.Tracking;

namespace Integra.Gateway.Portal.Api;

/// <summary>
/// Who calls the API: an API key, as the claims of <see cref="ApiKeyAuthentication"/> carry it. The same claims as a
/// portal user's (<see cref="Identity"/>), so the portal's own rules decide what it may see: <see cref="OrderScope"/>
/// for orders, the submitter filter of the inbox for a key without VIEW.
/// </summary>
public sealed record ApiCaller(string Partner, Privileges Privileges, string Actor)
{
    /// <summary>The caller of an authenticated API request; null for any other principal (a portal session cookie).</summary>
    public static ApiCaller? Of(ClaimsPrincipal principal) =>
        principal.Identity is { IsAuthenticated: true, AuthenticationType: ApiKeyAuthentication.SchemeName }
        && principal.FindFirstValue(Identity.PartnerClaim) is { Length: > 0 } partner
            ? new ApiCaller(partner, PrivilegeText.Parse(principal.FindFirstValue(Identity.PrivilegesClaim)), principal.Identity.Name ?? string.Empty)
            : null;

    public bool May(Privileges privilege) => Privileges.HasFlag(privilege);

    /// <summary>The portal user this key acts as, for the portal's scope rules.</summary>
    public PortalUser AsUser() => new(0, Actor, Actor, PortalRoles.PartnerUser, Partner, Privileges, null, false, 0, null, DateTimeOffset.MinValue);

    /// <summary>The orders this key may read (SPEC §7: VIEW), or null.</summary>
    public OrderScope? Scope => OrderScope.ForPartnerUser(AsUser());

    /// <summary>The sender whose answers alone a key without VIEW reads; null with VIEW (all the partner's).</summary>
    public string? OwnAnswersOnly => May(Privileges.View) ? null : Actor;
}
