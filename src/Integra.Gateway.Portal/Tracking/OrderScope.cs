using Integra.Gateway.Portal.Accounts;

namespace Integra.Gateway.Portal.Tracking;

/// <summary>
/// Whose orders a query may return: one partner's, or every partner's for Integra staff (the desk's look-up). There is
/// no other way to make one, so a page cannot ask the order views for "no partner" by mistake.
/// </summary>
public sealed class OrderScope
{
    private OrderScope(string? partner) => Partner = partner;

    /// <summary>The partner whose orders are in scope; null for staff, who see every partner's.</summary>
    public string? Partner { get; }

    /// <summary>Every partner's orders: for Integra staff only.</summary>
    public static OrderScope AllPartners { get; } = new(null);

    public static OrderScope OfPartner(string partner) =>
        new(string.IsNullOrEmpty(partner) ? throw new ArgumentException("A partner scope needs the partner.", nameof(partner)) : partner);

    /// <summary>
    /// The scope of a partner-side user on the tracking pages, or null when the user may not see orders. SPEC §7 gives
    /// VIEW the orders and answers; a user who may submit (CSR or LSR) must also follow what was submitted, and a
    /// carrier expects its people who order to see the answers, so any of the three privileges sees all of the
    /// partner's orders (from every channel). A partner administrator without privileges manages users only.
    /// </summary>
    public static OrderScope? ForPartnerUser(PortalUser user) =>
        !user.IsStaff && user.Partner is { Length: > 0 } partner && (user.Privileges & (Privileges.View | Privileges.Csr | Privileges.Lsr)) != Privileges.None
            ? OfPartner(partner)
            : null;
}
