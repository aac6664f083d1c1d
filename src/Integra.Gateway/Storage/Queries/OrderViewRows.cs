using System.Globalization;
using System.Text;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using NodaTime;

namespace Integra.Gateway.Storage.Queries;

/// <summary>What a list of orders asks for; null parts do not filter. Dates are store instants' bounds (UTC).</summary>
/// <param name="Partner">Only this partner's orders; null: every partner's (the desk).</param>
/// <param name="State">Only orders in this state.</param>
/// <param name="Pon">Only orders of this PON (exactly).</param>
/// <param name="Tn">Only orders with this telephone number (10 digits) among their TNs.</param>
/// <param name="From">Orders filed at or after this instant.</param>
/// <param name="Before">Orders filed before this instant.</param>
/// <param name="After">The last order of the previous page: this page starts after it.</param>
/// <param name="Limit">How many orders at most.</param>
public sealed record OrderListQuery(string? Partner, OrderState? State, string? Pon, string? Tn, Instant? From, Instant? Before, OrderCursor? After, int Limit);

/// <summary>Where a page of orders ends: the order's filing time (store text) and id.</summary>
public sealed record OrderCursor(string CreatedAt, long Id)
{
    /// <summary>An opaque text for a link: the position only, never a right to see anything (every query takes the partner).</summary>
    public string Text() => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{CreatedAt}|{Id.ToString(CultureInfo.InvariantCulture)}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The cursor of <paramref name="text"/>; null for anything <see cref="Text"/> did not write.</summary>
    public static OrderCursor? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 200)
        {
            return null;
        }

        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var length))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(bytes, 0, length).Split('|');
        return parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? new OrderCursor(parts[0], id) : null;
    }
}

/// <summary>An order as a list shows it.</summary>
public class ListedOrder
{
    public long Id { get; init; }

    public string Partner { get; init; } = string.Empty;

    public OrderKind Kind { get; init; }

    public string Ccna { get; init; } = string.Empty;

    public string Pon { get; init; } = string.Empty;

    public string? LsrNo { get; init; }

    public OrderState State { get; init; }

    public LocalDate? FocDate { get; init; }

    public LocalDate? RequestedDate { get; init; }

    public Instant CreatedAt { get; init; }

    public Instant UpdatedAt { get; init; }

    /// <summary>The channel its answers go back on: its latest version's.</summary>
    public Channel? Channel { get; init; }

    public string? LatestVer { get; init; }

    /// <summary>Where a page that ends with this order ends (its filing time as stored, and its id).</summary>
    public required OrderCursor Cursor { get; init; }
}

/// <summary>An order as its page shows it: the list's columns and its account, NNSP and due dates.</summary>
public sealed class OrderHeader : ListedOrder
{
    public string An { get; init; } = string.Empty;

    public string Nnsp { get; init; } = string.Empty;

    public LocalDate? StandardDate { get; init; }

    public LocalDate? AcceptedDdd { get; init; }
}

/// <summary>
/// A response file of an order. <see cref="Later"/> is true for a file of the outbox (an answer after the request's
/// own: review, sweep, closure) and false for the answer to a request file, whose <see cref="RequestName"/> it names.
/// </summary>
public sealed record ResponseFileRow(long Id, string Name, Channel? Channel, string? RequestName, Instant CreatedAt, bool Later);

/// <summary>A kept response file: its name and rows, which <see cref="ResponseWriter.Bytes"/> turns into the delivered bytes.</summary>
public sealed record KeptResponse(string Name, IReadOnlyList<ResponseRow> Rows);
