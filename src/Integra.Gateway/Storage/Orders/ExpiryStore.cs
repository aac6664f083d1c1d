using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.Storage.Orders;

/// <summary>
/// Set-based reads and writes for the expiry sweep: a few statements for the whole sweep instead of several per
/// order, which on PostgreSQL (a network round trip per statement) decides whether a large sweep takes seconds or
/// a minute.
/// </summary>
public sealed partial class ExpiryStore(IUnitOfWork uow)
{
    private const string FocDueBy = "state = @foc AND kind = @lsr AND foc_date <= @horizon";

    private static readonly string FocText = StoredText.Of(OrderState.Foc);

    private static readonly string LsrText = StoredText.Of(OrderKind.Lsr);

    /// <summary>LSR orders at FOC whose FOC date is on or before <paramref name="horizon"/>, by id.</summary>
    /// <remarks>Sorted here: an ORDER BY id lets SQLite walk the whole table in id order instead of using the
    /// (state, foc_date) index.</remarks>
    public async Task<IReadOnlyList<StoredOrder>> FocOrdersDueByAsync(LocalDate horizon, CancellationToken cancellationToken) =>
        [.. (await OrderRows.QueryAsync(uow, $"WHERE {FocDueBy}", [("@foc", FocText), ("@lsr", LsrText), ("@horizon", StoreFormats.Text(horizon))], cancellationToken)).OrderBy(o => o.Id)];

    /// <summary>The TNs of the same orders as <see cref="FocOrdersDueByAsync"/>, by order, each in its decision's order.</summary>
    public async Task<ILookup<long, StoredTn>> TnsOfFocOrdersDueByAsync(LocalDate horizon, CancellationToken cancellationToken) =>
        (await uow.QueryAsync<(long OrderId, long Seq, string Tn, string Lna, string Status)>(
                $"SELECT t.order_id, t.seq, t.tn, t.lna, t.status FROM orders o JOIN order_tns t ON t.order_id = o.id WHERE {FocDueBy}",
                new { foc = FocText, lsr = LsrText, horizon = StoreFormats.Text(horizon) },
                cancellationToken))
            .OrderBy(t => t.OrderId).ThenBy(t => t.Seq)
            .ToLookup(t => t.OrderId, t => new StoredTn(t.Tn, StoredText.Lna(t.Lna), StoredText.OrderTnStatus(t.Status)));

    /// <summary>
    /// The routes of the same orders as <see cref="FocOrdersDueByAsync"/>, in one query; orders filed before routes were
    /// kept are missing (ask <see cref="OriginStore.OriginOf"/> for those).
    /// </summary>
    public async Task<IReadOnlyDictionary<long, Delivery.DeliveryRoute>> OriginsOfFocOrdersDueByAsync(LocalDate horizon, CancellationToken cancellationToken) =>
        (await uow.QueryAsync<(long OrderId, string Channel, string? To, string? MessageId, string? References, string? Subject)>(
                $"SELECT g.order_id, g.channel, g.mail_to, g.mail_message_id, g.mail_references, g.mail_subject FROM orders o JOIN order_origins g ON g.order_id = o.id WHERE {FocDueBy}",
                new { foc = FocText, lsr = LsrText, horizon = StoreFormats.Text(horizon) },
                cancellationToken))
            .ToDictionary(
                r => r.OrderId,
                r => new Delivery.DeliveryRoute(StoredText.Channel(r.Channel), r.To is null ? null : new Delivery.MailThread(r.To, r.MessageId, r.References ?? string.Empty, r.Subject)));

    /// <summary>Moves these orders to <paramref name="state"/>, recording each one's cause and detail in its history.</summary>
    public async Task SetStatesAsync(IReadOnlyList<(long Id, string Detail)> orders, OrderState state, string cause, CancellationToken cancellationToken)
    {
        var now = StoreFormats.Text(uow.Clock.GetCurrentInstant());
        foreach (var chunk in orders.Chunk(Statements.RowsPerStatement))
        {
            await uow.ExecuteAsync(
                $"UPDATE orders SET state = @state, updated_at = @now WHERE {uow.Dialect.InList("id", "@ids")}",
                new { state = StoredText.Of(state), now, ids = chunk.Select(o => o.Id).ToArray() },
                cancellationToken);
        }

        // By COPY on PostgreSQL like the requests' events, so that an order's events keep their order (ids) in a flush.
        await uow.Statements.InsertRowsAsync(OrderCopies.Event.Table, OrderCopies.Event.Columns, orders.Select(o => new object?[] { o.Id, now, StoredText.Of(state), cause, o.Detail }), OrderCopies.Event, cancellationToken);
    }

    /// <summary>Cancels the ported and disconnected TNs of these orders that are not activated (the disconnects are withdrawn with the port).</summary>
    public async Task CancelOpenTnsAsync(IReadOnlyList<long> orderIds, CancellationToken cancellationToken)
    {
        foreach (var chunk in orderIds.Chunk(Statements.RowsPerStatement))
        {
            await uow.ExecuteAsync(
                $"UPDATE order_tns SET status = @canceled WHERE {uow.Dialect.InList("order_id", "@ids")} AND lna IN (@port, @disconnect) AND status <> @activated",
                new { canceled = StoredText.Of(OrderTnStatus.Canceled), activated = StoredText.Of(OrderTnStatus.Activated), ids = chunk, port = StoredText.Of(Lna.Port), disconnect = StoredText.Of(Lna.Disconnect) },
                cancellationToken);
        }
    }
}

/// <summary>The <see cref="ExpiryStore"/> of a unit of work.</summary>
public static class ExpiryStoreAccess
{
    extension(IUnitOfWork uow)
    {
        /// <summary>The expiry sweep's set-based reads and writes, and its records.</summary>
        public ExpiryStore Expiry => uow.Store(static u => new ExpiryStore(u));
    }
}
