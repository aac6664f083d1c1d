using System.Globalization;
using System.Security.Claims;
using Integra.Gateway.Portal.Accounts;

namespace Integra.Gateway.Portal.Security;

/// <summary>The claims of a signed-in portal user, and the authorization policies over them.</summary>
public static class Identity
{
    public const string Scheme = "portal";
    public const string PartnerClaim = "partner";
    public const string PrivilegesClaim = "privileges";

    public const string StaffPolicy = "staff";
    public const string StaffAdminPolicy = "staff-admin";
    public const string PartnerPolicy = "partner";
    public const string PartnerAdminPolicy = "partner-admin";

    public static ClaimsPrincipal Principal(PortalUser user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Email),
            new(ClaimTypes.Role, user.Role),
            new(PrivilegesClaim, PrivilegeText.Format(user.Privileges)),
        };
        if (user.Partner is { } partner)
        {
            claims.Add(new Claim(PartnerClaim, partner));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static long? UserId(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
