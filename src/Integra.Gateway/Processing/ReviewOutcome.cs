namespace Integra.Gateway.Processing;

/// <summary>How an expedite review ended (<see cref="ExpediteReview.ReviewAsync"/>).</summary>
public enum ReviewStatus
{
    /// <summary>Decided: the FOC is kept and recorded for delivery.</summary>
    Decided,

    /// <summary>The rules refused the reviewer's date (not a business day, or before the review's ERD); nothing written.</summary>
    Refused,

    /// <summary>The order does not await review (decided already, or no such PON); nothing written.</summary>
    NotPending,
}

/// <summary>
/// The outcome of a review as a value: the answer when decided, else the problem in the rules' own words, so a
/// caller can tell "choose another date" from "someone else was first" without reading exception text.
/// </summary>
public sealed record ReviewOutcome(ReviewStatus Status, ReviewAnswer? Answer, string Problem)
{
    public static ReviewOutcome Decided(ReviewAnswer answer) => new(ReviewStatus.Decided, answer, string.Empty);

    public static ReviewOutcome Refused(string why) => new(ReviewStatus.Refused, null, why);

    public static ReviewOutcome NotPending(string why) => new(ReviewStatus.NotPending, null, why);
}
