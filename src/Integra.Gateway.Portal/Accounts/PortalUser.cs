namespace Integra.Gateway.Portal.Accounts;

/// <summary>
/// A portal account. <see cref="Partner"/> is null for Integra staff. <see cref="PasswordHash"/> is null until the
/// first sign-in link is used: there is no default password. <see cref="LockedUntil"/> is the end of a lockout.
/// </summary>
public sealed record PortalUser(
    long Id,
    string Email,
    string Name,
    string Role,
    string? Partner,
    Privileges Privileges,
    string? PasswordHash,
    bool Disabled,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt)
{
    public bool IsStaff => PortalRoles.IsStaff(Role);
}

/// <summary>A new account, before the store gives it an id.</summary>
public sealed record NewPortalUser(string Email, string Name, string Role, string? Partner, Privileges Privileges);
