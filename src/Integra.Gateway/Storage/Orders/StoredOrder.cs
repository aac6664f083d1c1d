using Integra.Gateway.Rules.Model;
using NodaTime;

namespace Integra.Gateway.Storage.Orders;

/// <summary>
/// An order (one CCNA+PON of one partner) as the store holds it. <see cref="AcceptedDdd"/> is the DDD of its last
/// accepted version; <see cref="Simple"/> whether its last decided version was a simple port (null for orders
/// decided before contract v2 kept it).
/// </summary>
public sealed record StoredOrder(
    long Id,
    string Partner,
    OrderKind Kind,
    string Ccna,
    string Pon,
    string? LsrNo,
    OrderState State,
    string An,
    string ServiceState,
    string Zone,
    string Nnsp,
    LocalDate? FocDate,
    string? FocVer,
    string? PendingVer,
    LocalDate? RequestedDate,
    LocalDate? StandardDate,
    int DueDateSups,
    LocalDate? AcceptedDdd = null,
    bool? Simple = null);

/// <summary>A version of an order with its decision and the response sent for it.</summary>
public sealed record StoredVersion(
    long Id,
    string Ver,
    string Sup,
    string ContentHash,
    string Channel,
    string FileName,
    Instant ReceivedAt,
    Responses.ResponseType Outcome,
    string RuleId,
    string Codes,
    IReadOnlyList<Responses.ResponseRow> Response);

/// <summary>A TN of an order: what happens to it (LNA) and where it stands.</summary>
public sealed record StoredTn(string Tn, Lna Lna, OrderTnStatus Status);
