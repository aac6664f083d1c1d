using Integra.Gateway.Portal.Accounts;

namespace Integra.Gateway.Portal.Pages;

public sealed class IndexModel : PortalPageModel
{
    public string RoleText => Me switch
    {
        null => string.Empty,
        { Role: PortalRoles.Admin } => "Integra staff (admin)",
        { Role: PortalRoles.Desk } => "Integra staff (desk)",
        { Role: PortalRoles.PartnerAdmin } u => $"administrator of {u.Partner}",
        var u => $"user of {u.Partner} ({PrivilegeText.Format(u.Privileges)})",
    };

    public void OnGet()
    {
    }
}
