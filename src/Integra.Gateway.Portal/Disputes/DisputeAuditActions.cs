namespace Integra.Gateway.Portal.Disputes;

/// <summary>
/// The dispute actions as the audit trail records them. Every row's target is <c>PON {pon}</c> of the order's
/// partner, like the desk's reviews, so the evidence package finds every audit row about an order.
/// </summary>
public static class DisputeAuditActions
{
    public const string Opened = "evidence-requested";
    public const string Answered = "evidence-answered";
    public const string AnswerRefused = "evidence-answer-refused";
    public const string Accepted = "evidence-accepted";
    public const string Rejected = "evidence-rejected";
    public const string Extended = "evidence-due-extended";
    public const string Reopened = "evidence-reopened";
    public const string FileRead = "evidence-file-read";
    public const string PackageDownloaded = "evidence-package-downloaded";
    public const string IntegrityFailed = "evidence-integrity-failed";

    /// <summary>The target of every dispute row about the order with this PON.</summary>
    public static string Target(string pon) => $"PON {pon}";
}
