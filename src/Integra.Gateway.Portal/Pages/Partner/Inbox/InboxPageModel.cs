using Integra.Gateway.Portal.Accounts;

namespace Integra.Gateway.Portal.Pages.Partner.Inbox;

/// <summary>
/// An inbox page (SPEC §7): VIEW reads every answer of the partner (CSR answers carry customer records); a user with
/// CSR or LSR alone reads the answers to the requests that user submitted, and another's answer is "not found", like
/// another partner's; a user with no privilege (an administrator who only manages users) is refused.
/// Every read takes the signed-in user's partner.
/// </summary>
public abstract class InboxPageModel : PortalPageModel
{
    protected bool MayRead => (SignedIn.Privileges & (Privileges.View | Privileges.Csr | Privileges.Lsr)) != 0;

    /// <summary>Whose submissions' answers the user may read: null for every answer (VIEW), else the user's own e-mail.</summary>
    protected string? OnlyOf => SignedIn.Privileges.HasFlag(Privileges.View) ? null : SignedIn.Email;

    /// <summary>Whether the list is the user's own answers only, for the page to say so.</summary>
    public bool OwnOnly => OnlyOf is not null;

    protected string Partner => SignedIn.Partner!;
}
