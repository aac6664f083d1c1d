namespace Integra.Gateway.Portal.Desk;

/// <summary>
/// The desk's workplace (SPEC §4 expedite review, §7 roles): pending reviews and their decisions, and the figures of
/// the SLA board. Implemented by the gateway (<c>PortalHosting</c>) over the order store and the rules, so the page
/// decides exactly as the command line's <c>review</c> does.
/// </summary>
public interface IDeskViews
{
    /// <summary>Every LSR order at PND X01, oldest first, with its age in business hours as of now.</summary>
    Task<IReadOnlyList<PendingReviewView>> PendingReviewsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Approves or denies one review by the rules (<c>ExpediteReviewPolicy</c>), keeping the FOC and recording it for
    /// delivery on the order's own channel in one transaction. A refused date or a review decided already is an
    /// outcome, not an exception; nothing is written then.
    /// </summary>
    Task<ReviewResult> DecideAsync(ReviewRequest request, CancellationToken cancellationToken);

    /// <summary>The SLA board's figures as of now (the last 30 days where a period applies).</summary>
    Task<SlaFigures> SlaFiguresAsync(CancellationToken cancellationToken);
}
