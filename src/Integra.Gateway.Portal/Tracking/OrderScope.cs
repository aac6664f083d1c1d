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
    /// The scope of a partner-side user on the tracking pages, or null when the user may not see orders. SPEC §7:
    /// reading the partner's orders needs VIEW (an order's page carries every answer, CSR customer records included);
    /// a user with CSR or LSR alone follows what they submitted in the inbox, which shows only their own answers.
    /// </summary>
    public static OrderScope? ForPartnerUser(PortalUser user) =>
        !user.IsStaff && user.Partner is { Length: > 0 } partner && user.Privileges.HasFlag(Privileges.View)
            ? OfPartner(partner)
            : null;
}
