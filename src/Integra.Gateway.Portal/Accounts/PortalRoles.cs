namespace Integra.Gateway.Portal.Accounts;

/// <summary>The roles of SPEC §7: Integra staff (desk, admin) and the partner side (administrator, user).</summary>
public static class PortalRoles
{
    /// <summary>Integra staff: expedite reviews, order look-up, the onboarding queue, the audit trail.</summary>
    public const string Desk = "desk";

    /// <summary>Integra staff: everything the desk does, plus staff accounts and partners.</summary>
    public const string Admin = "admin";

    /// <summary>A partner's administrator: manages that partner's users.</summary>
    public const string PartnerAdmin = "partner-admin";

    /// <summary>A partner's user, with the privileges the administrator gave.</summary>
    public const string PartnerUser = "partner-user";

    public static bool IsStaff(string role) => role is Desk or Admin;

    public static bool IsKnown(string role) => role is Desk or Admin or PartnerAdmin or PartnerUser;
}

/// <summary>A partner user's privileges (SPEC §7).</summary>
[Flags]
public enum Privileges
{
    None = 0,

    /// <summary>Submit CSR requests.</summary>
    Csr = 1,

    /// <summary>Submit LSRs and supplements.</summary>
    Lsr = 2,

    /// <summary>See the partner's orders and answers.</summary>
    View = 4,
}

/// <summary>Privileges as the store and the pages write them: <c>CSR,LSR,VIEW</c>.</summary>
public static class PrivilegeText
{
    public static string Format(Privileges privileges) =>
        string.Join(',', new[] { (Privileges.Csr, "CSR"), (Privileges.Lsr, "LSR"), (Privileges.View, "VIEW") }
            .Where(p => privileges.HasFlag(p.Item1))
            .Select(p => p.Item2));

    public static Privileges Parse(string? text) =>
        (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Aggregate(Privileges.None, (all, p) => all | p.ToUpperInvariant() switch
            {
                "CSR" => Privileges.Csr,
                "LSR" => Privileges.Lsr,
                "VIEW" => Privileges.View,
                _ => Privileges.None,
            });
}
