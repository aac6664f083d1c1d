using Integra.Gateway.Rules.Model;
using NodaTime;

namespace Integra.Gateway.Portal.Desk;

/// <summary>An order waiting for the desk's expedite review, as the review page lists it.</summary>
/// <param name="Partner">The partner id (drop or sender), which with the PON names the review.</param>
/// <param name="Pon">The PON under review.</param>
/// <param name="Ver">The version under review.</param>
/// <param name="Ccna">The CCNA of the order.</param>
/// <param name="Tns">The order's TNs with their LNA (<c>6025550101 P</c>).</param>
/// <param name="ReceivedAt">When the reviewed version was received (SPEC §1).</param>
/// <param name="Erd">The request's effective received date (SPEC §4), in the order's zone.</param>
/// <param name="RequestedDate">The DDD the partner asked for.</param>
/// <param name="StandardDate">The standard due date of the request: what a denial gives at the earliest.</param>
/// <param name="EarliestApproval">The review's own ERD as of now: an approval can confirm no earlier date.</param>
/// <param name="Channel">Where the answer goes: the channel the request came in on.</param>
/// <param name="Since">When the order went to PND X01.</param>
/// <param name="BusinessHours">How long it has waited, business days only, in the desk's zone.</param>
/// <param name="Overdue">It waited more than one business day.</param>
public sealed record PendingReviewView(
    string Partner,
    string Pon,
    string Ver,
    string Ccna,
    IReadOnlyList<string> Tns,
    Instant ReceivedAt,
    LocalDate Erd,
    LocalDate RequestedDate,
    LocalDate StandardDate,
    LocalDate EarliestApproval,
    Channel Channel,
    Instant Since,
    double BusinessHours,
    bool Overdue);
