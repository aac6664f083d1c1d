using System.Globalization;
using Integra.Gateway.Portal.Disputes;
using NodaTime;

namespace Integra.Gateway.Portal.Pages;

/// <summary>How the dispute pages word a request's state and dates, the same for the desk and the partner.</summary>
public static class DisputeText
{
    public static string State(EvidenceRequest r, Instant now) => r.PastDue(now) ? $"{Words(r.State)}, PAST DUE" : Words(r.State);

    public static string Words(string state) => state switch
    {
        EvidenceStates.Open => "waiting for the partner's evidence",
        EvidenceStates.Answered => "answered, waiting for the desk",
        EvidenceStates.Rejected => "rejected, waiting for more evidence",
        EvidenceStates.Accepted => "accepted",
        _ => state,
    };

    /// <summary>
    /// The desk's last decision, for the request's page: "rejected: reason" while it stands; once the partner answered
    /// again or the desk reopened, the same reason as an earlier decision (the store keeps the last one only).
    /// </summary>
    public static string Decision(EvidenceRequest r, bool withDesk) =>
        r.DecidedBy is null ? "-"
        : r.State is EvidenceStates.Accepted or EvidenceStates.Rejected ? $"{Words(r.State)}{(withDesk ? $" by {r.DecidedBy}" : string.Empty)}: {r.Decision}"
        : $"earlier decision{(withDesk ? $" by {r.DecidedBy}" : string.Empty)}: {r.Decision}";

    public static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Size(long bytes) => bytes < 1024 * 1024
        ? $"{Math.Max(1, bytes / 1024).ToString(CultureInfo.InvariantCulture)} KB"
        : $"{(bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture)} MB";
}
