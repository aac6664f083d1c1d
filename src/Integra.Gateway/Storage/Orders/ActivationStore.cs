using Dapper;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.Storage.Orders;

/// <summary>What an NPAC activation import reads and writes: the open orders porting a TN, and every row it imports.</summary>
public sealed class ActivationStore(IUnitOfWork uow)
{
    /// <summary>
    /// The LSR orders that port <paramref name="tn"/> to the NNSP <paramref name="spid"/> (compared without case), newest
    /// first, in the current unit of work: the open ones (FOC, PND X01 or COMPLETE), and — an activation imported late
    /// still counts (SPEC §4) — those that expired or were closed after <paramref name="activated"/>.
    /// </summary>
    public IReadOnlyList<(long Id, OrderState State)> OrdersPortingTo(string tn, string spid, Instant activated) =>
        uow.Connection.Query<(long Id, string State, string? EndedAt)>(
            """
            SELECT o.id, o.state,
                   (SELECT MAX(e.at) FROM order_events e WHERE e.order_id = o.id AND e.state IN (@expired, @closed))
            FROM orders o JOIN order_tns t ON t.order_id = o.id
            WHERE t.tn = @tn AND t.lna = @port AND o.kind = @lsr AND UPPER(o.nnsp) = UPPER(@spid)
              AND o.state IN (@foc, @pendingReview, @complete, @expired, @closed)
            ORDER BY o.id DESC
            """,
            new
            {
                tn, spid, port = StoredText.Of(Lna.Port), lsr = StoredText.Of(OrderKind.Lsr), foc = StoredText.Of(OrderState.Foc), pendingReview = StoredText.Of(OrderState.PendingReview),
                complete = StoredText.Of(OrderState.Complete), expired = StoredText.Of(OrderState.Expired), closed = StoredText.Of(OrderState.Closed),
            },
            uow.Transaction)
            .Select(r => (r.Id, State: StoredText.OrderState(r.State), r.EndedAt))
            .Where(r => r.State is not (OrderState.Expired or OrderState.Closed) || (r.EndedAt is { } ended && StoreFormats.Instant(ended) > activated))
            .Select(r => (r.Id, r.State))
            .ToList();

    /// <summary>
    /// Keeps one imported activation row, <see cref="ActivationOutcome.Matched"/> to <paramref name="orderId"/> or
    /// <see cref="ActivationOutcome.Unmatched"/> when it is null;
    /// <paramref name="importedAt"/> is when the import ran, in store text (<see cref="StoreFormats.Text(Instant)"/>).
    /// </summary>
    public void RecordActivation(string tn, string spid, Instant activated, string importedAt, long? orderId, ActivationOutcome outcome) =>
        uow.Connection.Execute(
            "INSERT INTO activations (tn, spid, activated_at, imported_at, order_id, outcome) VALUES (@tn, @spid, @activated, @now, @orderId, @outcome)",
            new { tn, spid, activated = StoreFormats.Text(activated), now = importedAt, orderId, outcome = StoredText.Of(outcome) },
            uow.Transaction);

    /// <summary>
    /// The activations recorded as <see cref="ActivationOutcome.AfterCancel"/>, newest first, with their order: the desk
    /// must check each in NPAC by hand (<c>status</c>, the SLA board).
    /// </summary>
    public IReadOnlyList<ActivatedAfterCancelRow> ActivationsAfterCancel() =>
        uow.Connection.Query<ActivatedAfterCancelRow>(
            """
            SELECT a.tn AS Tn, a.spid AS Spid, a.activated_at AS ActivatedAt, a.imported_at AS ImportedAt, o.partner AS Partner, o.pon AS Pon, o.lsrno AS LsrNo
            FROM activations a JOIN orders o ON o.id = a.order_id
            WHERE a.outcome = @outcome ORDER BY a.id DESC
            """,
            new { outcome = StoredText.Of(ActivationOutcome.AfterCancel) },
            uow.Transaction).ToList();

    /// <summary>Marks the TN <paramref name="tn"/> of the order as activated (<see cref="OrderTnStatus.Activated"/>).</summary>
    public void MarkTnActivated(long orderId, string tn) =>
        uow.Connection.Execute(
            "UPDATE order_tns SET status = @status WHERE order_id = @each AND tn = @tn",
            new { status = StoredText.Of(OrderTnStatus.Activated), each = orderId, tn },
            uow.Transaction);
}

/// <summary>The <see cref="ActivationStore"/> of a unit of work.</summary>
public static class ActivationStoreAccess
{
    extension(IUnitOfWork uow)
    {
        /// <summary>NPAC activations imported and the orders they match.</summary>
        public ActivationStore Activations => uow.Store(static u => new ActivationStore(u));
    }
}
