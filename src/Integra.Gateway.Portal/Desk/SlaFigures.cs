using NodaTime;

namespace Integra.Gateway.Portal.Desk;

/// <summary>
/// What the SLA board draws (issue 17 item 5), read from the order store as of <see cref="AsOf"/>. Periods are the 30
/// days before <see cref="AsOf"/>.
/// </summary>
/// <param name="AsOf">When the figures were read.</param>
/// <param name="CsrByPartner">CSR requests received in the period per partner, and how many were answered within 24 hours.</param>
/// <param name="OrdersByState">Orders per kind and state (<c>LSR Foc</c>), whatever their age.</param>
/// <param name="RejectsByCode">Reject codes given in the period, one per rejected version and code.</param>
/// <param name="RejectsByPartner">Rejected versions in the period per partner.</param>
/// <param name="FilesWaiting">Request files seen and not yet answered, per channel.</param>
/// <param name="AnswersWaiting">Answer files recorded and not yet delivered, per channel.</param>
public sealed record SlaFigures(
    Instant AsOf,
    IReadOnlyList<CsrSlaShare> CsrByPartner,
    IReadOnlyList<Count> OrdersByState,
    IReadOnlyList<Count> RejectsByCode,
    IReadOnlyList<Count> RejectsByPartner,
    IReadOnlyList<Count> FilesWaiting,
    IReadOnlyList<Count> AnswersWaiting)
{
    /// <summary>
    /// TNs NPAC activated after Integra's CANCEL for them was delivered (SPEC §4, ActivatedAfterCancel), as one line
    /// each: the desk must check them in NPAC by hand.
    /// </summary>
    public IReadOnlyList<string> ActivatedAfterCancel { get; init; } = [];
}

/// <summary>A labelled count.</summary>
public sealed record Count(string Label, long Value);

/// <summary>A partner's CSR requests in the period and those answered within 24 hours of receipt.</summary>
public sealed record CsrSlaShare(string Partner, long Received, long OnTime)
{
    /// <summary>Answered within 24 hours, 0–1; null without requests.</summary>
    public double? Share => Received == 0 ? null : (double)OnTime / Received;
}
