using NodaTime;

namespace Integra.Gateway.Portal.Desk;

/// <summary>A desk user's decision on one review.</summary>
/// <param name="Partner">The partner of the order.</param>
/// <param name="Pon">The PON under review.</param>
/// <param name="Approve">True to approve the expedite, false to deny it.</param>
/// <param name="DueDate">With an approval: the date to confirm, a business day from the review's ERD to 30 calendar days after
/// the review's local date (else refused); null confirms the requested DDD (never before the review's ERD).</param>
/// <param name="Reviewer">The signed-in desk user, kept in the order's history.</param>
/// <param name="Ver">The version the desk user saw pending; when another version of the PON is pending by now (a
/// supplement came meanwhile), nothing is decided (409). Null decides whichever version is pending, as the command line does.</param>
public sealed record ReviewRequest(string Partner, string Pon, bool Approve, LocalDate? DueDate, string Reviewer, string? Ver = null);

/// <summary>How a decision on a review ended.</summary>
public enum ReviewResultStatus
{
    /// <summary>Decided: FOC kept and recorded for delivery on the order's channel.</summary>
    Decided,

    /// <summary>The rules refused the date given; nothing was written. The page shows why (422).</summary>
    Refused,

    /// <summary>The order no longer awaits review (another desk user or the command line decided it); nothing was written (409).</summary>
    AlreadyDecided,
}

/// <summary>The outcome of <see cref="IDeskViews.DecideAsync"/>.</summary>
/// <param name="Status">Decided, refused, or decided already by someone else.</param>
/// <param name="FocDate">The FOC date when decided.</param>
/// <param name="Channel">The channel the FOC goes on when decided.</param>
/// <param name="FileName">The response file's name when decided.</param>
/// <param name="Problem">Why nothing was decided, in the rules' own words; empty when decided.</param>
public sealed record ReviewResult(ReviewResultStatus Status, LocalDate? FocDate, Rules.Model.Channel? Channel, string FileName, string Problem);
