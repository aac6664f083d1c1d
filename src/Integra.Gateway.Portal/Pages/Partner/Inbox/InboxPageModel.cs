using Integra.Gateway.Portal.Accounts;

namespace Integra.Gateway.Portal.Pages.Partner.Inbox;

/// <summary>
/// An inbox page: the partner's answers are for its users who may see orders (VIEW) or submit (CSR, LSR: they see the
/// answers of what they send). Every read takes the signed-in user's partner.
/// </summary>
public abstract class InboxPageModel : PortalPageModel
{
    protected bool MayRead => (SignedIn.Privileges & (Privileges.View | Privileges.Csr | Privileges.Lsr)) != 0;

    protected string Partner => SignedIn.Partner!;
}
