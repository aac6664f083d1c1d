using Dapper;
using Integra.Gateway.Rules.Model;
using NodaTime;

namespace Integra.Gateway.Storage;

/// <summary>What an NPAC activation import reads and writes: the open orders porting a TN, and every row it imports.</summary>
public sealed partial class OrderStore
{
    /// <summary>
    /// The open LSR orders (FOC, PND X01 or COMPLETE) that port <paramref name="tn"/> to the NNSP <paramref name="spid"/>
    /// (compared without case), newest first, in the current unit of work.
    /// </summary>
    public IReadOnlyList<long> OrdersPortingTo(string tn, string spid) =>
        Live.Query<long>(
            """
            SELECT o.id FROM orders o JOIN order_tns t ON t.order_id = o.id
            WHERE t.tn = @tn AND t.lna = @port AND o.kind = @lsr AND o.state IN (@foc, @pendingReview, @complete) AND UPPER(o.nnsp) = UPPER(@spid)
            ORDER BY o.id DESC
            """,
            new { tn, spid, port = StoredText.Of(Lna.Port), lsr = StoredText.Of(OrderKind.Lsr), foc = StoredText.Of(OrderState.Foc), pendingReview = StoredText.Of(OrderState.PendingReview), complete = StoredText.Of(OrderState.Complete) },
            ActiveTransaction).ToList();

    /// <summary>
    /// Keeps one imported activation row, <see cref="ActivationOutcome.Matched"/> to <paramref name="orderId"/> or
    /// <see cref="ActivationOutcome.Unmatched"/> when it is null;
    /// <paramref name="importedAt"/> is when the import ran, in store text (<see cref="StoreFormats.Text(Instant)"/>).
    /// </summary>
    public void RecordActivation(string tn, string spid, Instant activated, string importedAt, long? orderId) =>
        Live.Execute(
            "INSERT INTO activations (tn, spid, activated_at, imported_at, order_id, outcome) VALUES (@tn, @spid, @activated, @now, @orderId, @outcome)",
            new { tn, spid, activated = StoreFormats.Text(activated), now = importedAt, orderId, outcome = StoredText.Of(orderId is null ? ActivationOutcome.Unmatched : ActivationOutcome.Matched) },
            ActiveTransaction);

    /// <summary>Marks the TN <paramref name="tn"/> of the order as activated (<see cref="OrderTnStatus.Activated"/>).</summary>
    public void MarkTnActivated(long orderId, string tn) =>
        Live.Execute(
            "UPDATE order_tns SET status = @status WHERE order_id = @each AND tn = @tn",
            new { status = StoredText.Of(OrderTnStatus.Activated), each = orderId, tn },
            ActiveTransaction);
}
