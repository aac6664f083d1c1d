using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integra.Gateway.Portal.Pages;

/// <summary>A page that knows the signed-in user as the store has it now (see <see cref="SessionCheck"/>).</summary>
public abstract class PortalPageModel : PageModel
{
    /// <summary>The signed-in user; only null on pages that allow anonymous visitors.</summary>
    public PortalUser? Me => HttpContext.Items[SessionCheck.UserItem] as PortalUser;

    /// <summary>The signed-in user on a page whose folder requires sign-in.</summary>
    public PortalUser SignedIn => Me ?? throw new InvalidOperationException("This page requires sign-in.");
}

/// <summary>The model of a page that only shows text.</summary>
public sealed class TextPageModel : PortalPageModel
{
    public void OnGet()
    {
    }
}
