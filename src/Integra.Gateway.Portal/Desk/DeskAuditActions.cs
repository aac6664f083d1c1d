namespace Integra.Gateway.Portal.Desk;

/// <summary>The desk's actions as the audit trail records them (next to <see cref="Audit.AuditActions"/>).</summary>
public static class DeskAuditActions
{
    public const string ReviewApproved = "review-approved";
    public const string ReviewDenied = "review-denied";

    /// <summary>The rules refused the date given: nothing was decided.</summary>
    public const string ReviewRefused = "review-refused";

    /// <summary>The review was decided already (another desk user, the command line): nothing was decided.</summary>
    public const string ReviewConflict = "review-conflict";
}
