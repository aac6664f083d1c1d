using System.Globalization;
using System.Text.Json;
using Integra.Gateway.Portal.Tracking;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.PortalHosting;

/// <summary>
/// The order store read for the portal's tracking pages. The scope's partner goes into every query
/// (<see cref="OrderViewQueries"/>); the files of an order are read only after the order was found in scope, and only
/// under that order's partner and key. Each call opens a store of its own (a pooled connection) and closes it; a
/// transient failure is tried again on a fresh one (<see cref="UnitOfWorkFactory.RunAsync{T}"/>), without holding a
/// thread while the database answers.
/// </summary>
public sealed class OrderViews(UnitOfWorkFactory stores) : IOrderViews
{
    private const int MaxPageSize = 200;

    public async Task<OrderPage> ListAsync(OrderScope scope, OrderFilter filter, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        string? tn = null;
        if (!string.IsNullOrWhiteSpace(filter.Tn) && !TelephoneNumber.TryNormalize(filter.Tn, out tn))
        {
            return new OrderPage([], null);
        }

        var query = new OrderListQuery(
            scope.Partner ?? Blank(filter.Partner)?.ToUpperInvariant(),
            filter.State,
            Blank(filter.Pon),
            tn,
            filter.From?.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
            filter.To?.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
            OrderCursor.Parse(cursor),
            size + 1);
        var rows = await stores.RunAsync("order list page", (store, token) => store.OrderViews.ListAsync(query, token), cancellationToken);
        var shown = rows.Take(size).ToList();
        return new OrderPage(shown.Select(Summary).ToList(), rows.Count > size ? shown[^1].Cursor.Text() : null);
    }

    public Task<OrderDetail?> FindAsync(OrderScope scope, long id, CancellationToken cancellationToken) => stores.RunAsync("order page", async (store, token) =>
    {
        var views = store.OrderViews;
        var history = store.History;
        if (await views.FindAsync(scope.Partner, id, token) is not { } order)
        {
            return null;
        }

        // One after the other: a connection runs one command at a time.
        var versions = await history.HistoryVersionsAsync(order.Id, token);
        var tns = await history.HistoryTnsAsync(order.Id, token);
        var events = await history.HistoryEventsAsync(order.Id, token);
        var activations = await history.HistoryActivationsAsync(order.Id, token);
        return (OrderDetail?)Detail(order, versions, tns, events, activations, await views.ResponseFilesAsync(order, token));
    }, cancellationToken);

    public async Task<ResponseDownload?> DownloadAsync(OrderScope scope, long orderId, string fileId, CancellationToken cancellationToken)
    {
        if (!TryParseFileId(fileId, out var later, out var id))
        {
            return null;
        }

        return await stores.RunAsync("response download", async (store, token) =>
        {
            var views = store.OrderViews;
            return await views.FindAsync(scope.Partner, orderId, token) is { } order && await views.ResponseAsync(order, id, later, token) is { } kept
                ? new ResponseDownload(kept.Name, ResponseWriter.Bytes(kept.Rows))
                : null;
        }, cancellationToken);
    }

    private static OrderDetail Detail(
        OrderHeader order,
        IEnumerable<HistoryQueries.HistoryVersion> versions,
        IEnumerable<HistoryQueries.HistoryTn> tns,
        IEnumerable<HistoryQueries.HistoryEvent> events,
        IEnumerable<HistoryQueries.HistoryActivation> activations,
        IEnumerable<ResponseFileRow> files)
    {
        var activated = activations
            .GroupBy(a => a.Tn, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().ActivatedAt, StringComparer.Ordinal);
        return new OrderDetail(
            Summary(order),
            order.An,
            order.Nnsp,
            order.StandardDate,
            order.AcceptedDdd,
            versions.Select(Version).ToList(),
            tns.Select(t => new OrderTnLine(t.Number, t.Lna, Status(t.Status), activated.TryGetValue(t.Number, out var at) ? at : null)).ToList(),
            events.Select(e => new OrderEvent(e.At, e.State, e.Cause, e.Detail)).ToList(),
            files.Select(File).ToList());
    }

    /// <summary>A file's id on the page: <c>r</c> and the id of a request file's answer, <c>o</c> and the first outbox row of a later answer.</summary>
    private static string FileId(ResponseFileRow file) => (file.Later ? "o" : "r") + file.Id.ToString(CultureInfo.InvariantCulture);

    private static bool TryParseFileId(string? text, out bool later, out long id)
    {
        later = text is ['o', ..];
        id = 0;
        return text is ['o' or 'r', .. var digits] && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static OrderSummary Summary(ListedOrder o) => new(
        o.Id, o.Partner, StoredText.Of(o.Kind), o.Ccna, o.Pon, o.LsrNo, o.State, o.LatestVer, o.Channel, o.FocDate, o.RequestedDate, o.CreatedAt, o.UpdatedAt);

    private static OrderVersion Version(HistoryQueries.HistoryVersion v) => new(
        v.Ver, v.Sup, v.Channel, v.File, v.ReceivedAt, v.DecidedAt,
        Answer(v.Outcome), v.Codes,
        (JsonSerializer.Deserialize<string[][]>(v.Response) ?? []).Select(ResponseRow.FromCells)
            .Select(r => new AnswerLine(Answer(r.RespTyp), r.Tn, r.Lna, r.Dd, r.Code, r.Field, r.Message, r.Contact)).ToList());

    private static ResponseFileInfo File(ResponseFileRow f) =>
        new(FileId(f), f.Name, f.Channel, f.RequestName, f.CreatedAt);

    private static AnswerType Answer(ResponseType type) => type switch
    {
        ResponseType.Foc => AnswerType.Foc,
        ResponseType.Reject => AnswerType.Reject,
        ResponseType.Pending => AnswerType.Pending,
        ResponseType.Cancel => AnswerType.Cancel,
        ResponseType.Csr => AnswerType.Csr,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a response type"),
    };

    private static TnStatus Status(OrderTnStatus status) => status switch
    {
        OrderTnStatus.Pending => TnStatus.Pending,
        OrderTnStatus.Open => TnStatus.Open,
        OrderTnStatus.Activated => TnStatus.Activated,
        OrderTnStatus.Canceled => TnStatus.Canceled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a TN status"),
    };
}
