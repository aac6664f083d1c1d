namespace Integra.Gateway.Portal.Onboarding;

/// <summary>Where a Trading Partner Profile came from.</summary>
public static class ProfileSources
{
    public const string Page = "page";
    public const string Folder = "folder";
}

/// <summary>The states of a submission in the desk's queue.</summary>
public static class ProfileStates
{
    public const string Received = "received";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}

/// <summary>
/// A submitted Trading Partner Profile in the desk's queue: received at <see cref="ReceivedAt"/>, due 3 business
/// days later (<see cref="DueAt"/>, SPEC §7 on the §4 calendar), then approved or rejected with a reason.
/// </summary>
public sealed record ProfileSubmission(
    long Id,
    string Source,
    TradingPartnerProfile Profile,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    string State,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? Reason)
{
    /// <summary>Not handled by its due time (still in the queue at <paramref name="now"/>, or handled late).</summary>
    public bool IsPastDue(DateTimeOffset now) => (DecidedAt ?? now) > DueAt;
}
