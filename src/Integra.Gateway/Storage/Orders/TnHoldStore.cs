using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.Orders;

/// <summary>One TN an open order holds: the order, and what it does to the TN (port or disconnect).</summary>
public sealed record TnHolder(string Tn, Lna Lna, StoredOrder Order);

/// <summary>
/// The TN view of contract v3 (L19): which open order holds each TN. An order holds a TN while it is at PND or FOC
/// and the TN is on it with LNA P or D and not ACTIVATED; found through the index on order_tns (tn), one statement
/// for a whole file's TNs, never by reading orders.
/// </summary>
public sealed class TnHoldStore(IUnitOfWork uow)
{
    // The columns of OrderRows.Columns, in OrderRows.Read's order, from the joined orders row.
    private static string HolderSql(string listed) => $"""
        SELECT o.id, o.partner, o.kind, o.ccna, o.pon, o.lsrno, o.state, o.an, o.service_state, o.zone, o.nnsp, o.foc_date, o.foc_ver,
               o.pending_ver, o.requested_date, o.standard_date, o.due_date_sups, o.accepted_ddd, o.simple, t.tn, t.lna
        FROM {listed} JOIN order_tns t ON t.tn = value JOIN orders o ON o.id = t.order_id
        WHERE t.lna IN (@port, @disconnect) AND t.status IN (@pending, @open) AND o.state IN (@foc, @pendingReview) AND o.kind = @lsr
        """;

    /// <summary>Every open order's hold on any of <paramref name="tns"/>, in the current unit of work.</summary>
    public async ValueTask<IReadOnlyList<TnHolder>> TnHoldersAsync(IReadOnlyCollection<string> tns, CancellationToken cancellationToken)
    {
        if (tns.Count == 0)
        {
            return [];
        }

        var sql = HolderSql(uow.Dialect.TextTable("@tns"));
        var orders = new Dictionary<long, StoredOrder>();
        return await uow.Statements.ListAsync(
            sql,
            reader =>
            {
                var id = reader.GetInt64(0);
                if (!orders.TryGetValue(id, out var order))
                {
                    orders[id] = order = OrderRows.Read(reader);
                }

                return new TnHolder(reader.GetString(19), StoredText.Lna(reader.GetString(20)), order);
            },
            [("@tns", uow.Dialect.TextList(tns)),
            ("@port", StoredText.Of(Lna.Port)),
            ("@disconnect", StoredText.Of(Lna.Disconnect)),
            ("@pending", StoredText.Of(OrderTnStatus.Pending)),
            ("@open", StoredText.Of(OrderTnStatus.Open)),
            ("@foc", StoredText.Of(OrderState.Foc)),
            ("@pendingReview", StoredText.Of(OrderState.PendingReview)),
            ("@lsr", StoredText.Of(OrderKind.Lsr))],
            cancellationToken);
    }
}

/// <summary>The <see cref="TnHoldStore"/> of a unit of work.</summary>
public static class TnHoldStoreAccess
{
    extension(IUnitOfWork uow)
    {
        /// <summary>Which open order holds each TN (L19).</summary>
        public TnHoldStore TnHolds => uow.Store(static u => new TnHoldStore(u));
    }
}
