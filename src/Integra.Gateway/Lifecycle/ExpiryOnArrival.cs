using Integra.Gateway.Delivery;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Outbox;
using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.Lifecycle;

/// <summary>
/// L19: an order past its expiry that still holds a TN a new request asks for expires in the same step, exactly as
/// the sweep would have expired it — CAN E01 to its partner on its own channel, NPAC cancels through the outbox —
/// and then holds nothing. The sweep may not have run yet; the new request must not be refused for a port the
/// policy has already given up on.
/// </summary>
internal sealed class ExpiryOnArrival(ReferenceData data, PolicyOptions options, IUnitOfWork store)
{
    private readonly OutboxStore _outbox = store.Outbox;

    /// <summary>Expires <paramref name="held"/> when it is past its expiry at <paramref name="at"/>; true when it no longer holds anything.</summary>
    public bool Expire(StoredOrder held, Instant at, string cause)
    {
        if (!IsDue(held, at))
        {
            return false;
        }

        // The held order may be another partner's, decided now on another connection: decide on what it left.
        store.Lock(OrderLocks.Lsr(held.Partner, held.Pon));
        var order = store.Orders.FindOrder(held.Id);
        if (order is null || order.State is not (OrderState.Foc or OrderState.PendingReview))
        {
            return true;
        }

        if (!IsDue(order, at))
        {
            return false;
        }

        var ending = ExpiredOrder.Of(order, store.Orders.Tns(order.Id), data, options);
        if (ending.Complete)
        {
            store.Expiry.SetStates([(order.Id, "all TNs activated")], OrderState.Complete, cause);
            return true;
        }

        var name = order.LsrNo ?? order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _outbox.Add(OutboxKind.Response, order.Partner, $"expired-{name}.resp.csv", ending.Rows.Select(r => r.Cells()), store.Origins.OriginOf(order.Id), order.Id);
        var npac = NpacCancelGuard.Lines(store, data, ending.Withdrawn.NpacCancels.Select(tn => (order, tn)).ToList(), new HashSet<long> { order.Id }, out var kept);
        if (npac.Count > 0)
        {
            _outbox.Add(OutboxKind.Npac, OutboxFile.NpacPartner, $"npac-cancel-{name}-expired.csv", npac);
        }

        store.Expiry.CancelOpenTns([order.Id]);
        store.Expiry.SetStates([(order.Id, NpacCancelGuard.Detail(ending.Detail, kept[order.Id]))], OrderState.Expired, cause);
        return true;
    }

    private bool IsDue(StoredOrder order, Instant at) =>
        order is { State: OrderState.Foc, FocDate: { } foc } && Expiry.IsExpired(foc, at, OrderZone.Of(order, options), data.Calendar, options);
}
