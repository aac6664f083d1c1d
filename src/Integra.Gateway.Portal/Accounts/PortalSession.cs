using Integra.Gateway.Portal.Partners;

namespace Integra.Gateway.Portal.Accounts;

/// <summary>
/// A live sign-in session as one read gives it: the ticket the cookie's key stands for, and the session's user and that
/// user's partner's access switch as the store has them now (null: the user is gone; no switch: access on).
/// </summary>
public sealed record PortalSession(byte[] Ticket, PortalUser? User, PartnerAccess? Access)
{
    /// <summary>Whether the session's user may use the portal now: there, not disabled, its partner's access on.</summary>
    public bool UserMayUsePortal => MayUsePortal(User, Access);

    /// <summary>Whether <paramref name="user"/> may use the portal with its partner's switch <paramref name="access"/>.</summary>
    public static bool MayUsePortal(PortalUser? user, PartnerAccess? access) => user is { Disabled: false } && access is not { Disabled: true };
}
