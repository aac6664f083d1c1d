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
    public async Task<bool> ExpireAsync(StoredOrder held, Instant at, string cause, CancellationToken cancellationToken)
    {
        if (!IsDue(held, at))
        {
            return false;
        }

        // The held order may be another partner's, decided now on another connection: decide on what it left.
        await store.LockAsync(OrderLocks.Lsr(held.Partner, held.Pon), cancellationToken);
        var order = await store.Orders.FindOrderAsync(held.Id, cancellationToken);
        if (order is null || order.State is not (OrderState.Foc or OrderState.PendingReview))
        {
            return true;
        }

        if (!IsDue(order, at))
        {
            return false;
        }

        var ending = ExpiredOrder.Of(order, await store.Orders.TnsAsync(order.Id, cancellationToken), data, options);
        if (ending.Complete)
        {
            await store.Expiry.SetStatesAsync([(order.Id, "all TNs activated")], OrderState.Complete, cause, cancellationToken);
            return true;
        }

        var name = order.LsrNo ?? order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var route = await store.Origins.OriginOfAsync(order.Id, cancellationToken);
        await _outbox.AddAsync(OutboxKind.Response, order.Partner, $"expired-{name}.resp.csv", ending.Rows.Select(r => r.Cells()), cancellationToken, route, order.Id);
        var npac = await NpacCancelGuard.LinesAsync(store, data, ending.Withdrawn.NpacCancels.Select(tn => (order, tn)).ToList(), new HashSet<long> { order.Id }, cancellationToken);
        if (npac.Rows.Count > 0)
        {
            await _outbox.AddAsync(OutboxKind.Npac, OutboxFile.NpacPartner, $"npac-cancel-{name}-expired.csv", npac.Rows, cancellationToken);
        }

        await store.Expiry.CancelOpenTnsAsync([order.Id], cancellationToken);
        await store.Expiry.SetStatesAsync([(order.Id, NpacCancelGuard.Detail(ending.Detail, npac.Kept[order.Id]))], OrderState.Expired, cause, cancellationToken);
        return true;
    }

    private bool IsDue(StoredOrder order, Instant at) =>
        order is { State: OrderState.Foc, FocDate: { } foc } && Expiry.IsExpired(foc, at, OrderZone.Of(order, options), data.Calendar, options);
}
