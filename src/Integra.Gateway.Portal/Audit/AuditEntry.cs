namespace Integra.Gateway.Portal.Audit;

/// <summary>
/// One line of the portal's audit trail: who (<see cref="Actor"/>, an e-mail or <c>system</c>), for which partner
/// (null for staff matters), did what to whom, and whether it succeeded. Never holds a password or a token.
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Actor,
    string? Partner,
    string Action,
    string Target,
    string Detail,
    string Address);

/// <summary>The actions the audit trail records, as written to the store and the CSV export.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignInLocked = "sign-in-locked";
    public const string SignOut = "sign-out";
    public const string PasswordSet = "password-set";
    public const string UserCreated = "user-created";
    public const string UserCreateRefused = "user-create-refused";
    public const string PrivilegesChanged = "privileges-changed";
    public const string PasswordReset = "password-reset-sent";
    public const string UserDisabled = "user-disabled";
    public const string UserEnabled = "user-enabled";
    public const string StaffCreated = "staff-created";
    public const string LinkSentAgain = "link-sent-again";
    public const string PartnerDisabled = "partner-disabled";
    public const string PartnerEnabled = "partner-enabled";
    public const string ProfileReceived = "profile-received";
    public const string ProfileApproved = "profile-approved";
    public const string ProfileRejected = "profile-rejected";
}
