using Integra.Gateway.Rules.Model;
using NodaTime;

namespace Integra.Gateway.Portal.Tracking;

/// <summary>
/// What the order list is narrowed to; null parts do not narrow. <see cref="From"/> and <see cref="To"/> are
/// calendar days in UTC (the time the portal shows), both included, of when the gateway filed the order's first request.
/// </summary>
/// <remarks>
/// Pon: The start of the PON, in any case ("acme-10" finds ACME-1001).
/// Tn: A telephone number in any punctuation; orders with it among their TNs.
/// Partner: Only this partner (the desk's look-up; a partner's own scope overrides it).
/// </remarks>
public sealed record OrderFilter(OrderState? State = null, string? Pon = null, string? Tn = null, LocalDate? From = null, LocalDate? To = null, string? Partner = null)
{
    public static OrderFilter None { get; } = new();
}
