using Integra.Gateway.Portal.Accounts;

namespace Integra.Gateway.Portal.Pages.Partner.Submit;

/// <summary>The submission forms the signed-in user may use, by privilege.</summary>
public sealed class SubmitIndexModel : PortalPageModel
{
    public bool Csr => SignedIn.Privileges.HasFlag(Privileges.Csr);

    public bool Lsr => SignedIn.Privileges.HasFlag(Privileges.Lsr);

    public void OnGet()
    {
    }
}
