using System.Globalization;
using System.Text;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;

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
public sealed record OrderListQuery(string? Partner, OrderState? State, string? Pon, string? Tn, NodaTime.Instant? From, NodaTime.Instant? Before, OrderCursor? After, int Limit);

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

/// <summary>An order as a list shows it; texts as stored (<see cref="StoredText"/>, <see cref="StoreFormats"/>).</summary>
public class ListedOrder
{
    public long Id { get; init; }

    public string Partner { get; init; } = string.Empty;

    public string Kind { get; init; } = string.Empty;

    public string Ccna { get; init; } = string.Empty;

    public string Pon { get; init; } = string.Empty;

    public string? LsrNo { get; init; }

    public string State { get; init; } = string.Empty;

    public string? FocDate { get; init; }

    public string? RequestedDate { get; init; }

    public string CreatedAt { get; init; } = string.Empty;

    public string UpdatedAt { get; init; } = string.Empty;

    /// <summary>The channel its answers go back on: its latest version's.</summary>
    public string? Channel { get; init; }

    public string? LatestVer { get; init; }

    public OrderCursor Cursor => new(CreatedAt, Id);
}

/// <summary>An order as its page shows it: the list's columns and its account, NNSP and due dates.</summary>
public sealed class OrderHeader : ListedOrder
{
    public string An { get; init; } = string.Empty;

    public string Nnsp { get; init; } = string.Empty;

    public string? StandardDate { get; init; }

    public string? AcceptedDdd { get; init; }
}

/// <summary>
/// A response file of an order. <see cref="Later"/> is 1 for a file of the outbox (an answer after the request's own:
/// review, sweep, closure) and 0 for the answer to a request file, whose <see cref="RequestName"/> it names.
/// </summary>
public sealed class ResponseFileRow
{
    public long Id { get; init; }

    public string Name { get; init; } = string.Empty;

    public string? Channel { get; init; }

    public string? RequestName { get; init; }

    public string CreatedAt { get; init; } = string.Empty;

    public long Later { get; init; }
}

/// <summary>A kept response file: its name and rows, which <see cref="ResponseWriter.Bytes"/> turns into the delivered bytes.</summary>
public sealed record KeptResponse(string Name, IReadOnlyList<ResponseRow> Rows);
