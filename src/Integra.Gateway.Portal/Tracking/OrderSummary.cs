using Integra.Gateway.Rules.Model;
using NodaTime;

namespace Integra.Gateway.Portal.Tracking;

/// <summary>An order as the list shows it.</summary>
/// <remarks>
/// Kind: LSR or CSR.
/// LatestVer: The highest VER on file; null for an order without versions.
/// Channel: The channel its answers go back on (its latest version's); null when unknown.
/// FocDate: The committed due date, once an FOC gave one.
/// RequestedDate: The DDD an expedite asked for, while it waits for review.
/// FiledAt: When the gateway filed its first request.
/// UpdatedAt: When it last changed.
/// </remarks>
public sealed record OrderSummary(
    long Id,
    string Partner,
    string Kind,
    string Ccna,
    string Pon,
    string? LsrNo,
    OrderState State,
    string? LatestVer,
    Channel? Channel,
    LocalDate? FocDate,
    LocalDate? RequestedDate,
    Instant FiledAt,
    Instant UpdatedAt)
{
    /// <summary>Orders that came on another channel are history on the portal: their answers go back the way they came.</summary>
    public bool FromPortal => Channel == Rules.Model.Channel.Portal;
}

/// <summary>A page of orders and the cursor of the next page (null on the last page).</summary>
public sealed record OrderPage(IReadOnlyList<OrderSummary> Orders, string? Next);
