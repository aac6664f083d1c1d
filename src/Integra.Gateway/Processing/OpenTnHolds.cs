using Integra.Gateway.Lifecycle;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Processing;

/// <summary>
/// Which open order holds each TN of one file (L19), read from the store once per file and kept up to date as the
/// file's requests are decided: a request later in the file sees the holds that earlier ones took or gave up,
/// without a round trip per request or per TN.
/// </summary>
internal sealed class OpenTnHolds
{
    private readonly Dictionary<string, List<TnHolder>> _byTn = new(StringComparer.Ordinal);

    // The TNs each order holds, so that releasing an order costs its own TNs, not the whole file's.
    private readonly Dictionary<long, List<string>> _byOrder = [];

    private OpenTnHolds()
    {
    }

    /// <summary>
    /// The holds on every TN the requests could port or disconnect, in one statement, after taking the locks of
    /// their TN buckets for the rest of the unit of work (<see cref="OrderLocks.TnBuckets"/>).
    /// </summary>
    public static async Task<OpenTnHolds> LoadAsync(IUnitOfWork store, IEnumerable<LsrRequest> requests, CancellationToken cancellationToken)
    {
        var holds = new OpenTnHolds();
        var tns = requests.SelectMany(Rules.Policy.OneOpenOrderPerTn.TnsOf).ToHashSet(StringComparer.Ordinal);
        foreach (var bucket in OrderLocks.TnBuckets(tns))
        {
            await store.LockAsync(bucket, cancellationToken);
        }

        foreach (var holder in await store.TnHolds.TnHoldersAsync(tns, cancellationToken))
        {
            holds.Add(holder);
        }

        return holds;
    }

    /// <summary>The holds on these TNs of every order but <paramref name="except"/> (the request's own order).</summary>
    public IReadOnlyList<TnHolder> On(IEnumerable<string> tns, long? except) =>
        tns.SelectMany(tn => _byTn.GetValueOrDefault(tn) ?? []).Where(h => h.Order.Id != except).ToList();

    /// <summary>The order holds nothing any more (ended, or rejected before it held anything).</summary>
    public void Release(long orderId)
    {
        if (!_byOrder.Remove(orderId, out var tns))
        {
            return;
        }

        foreach (var tn in tns)
        {
            _byTn[tn].RemoveAll(h => h.Order.Id == orderId);
        }
    }

    /// <summary>The order now holds exactly these lines: its ported and disconnected TNs that are not activated.</summary>
    public void Replace(StoredOrder order, IEnumerable<FocLine> lines, IReadOnlySet<string> activated)
    {
        Release(order.Id);
        foreach (var line in lines.Where(l => l.Lna is Lna.Port or Lna.Disconnect && !activated.Contains(l.Tn)))
        {
            Add(new TnHolder(line.Tn, line.Lna, order));
        }
    }

    private void Add(TnHolder holder)
    {
        if (!_byTn.TryGetValue(holder.Tn, out var list))
        {
            _byTn[holder.Tn] = list = [];
        }

        list.Add(holder);
        if (!_byOrder.TryGetValue(holder.Order.Id, out var tns))
        {
            _byOrder[holder.Order.Id] = tns = [];
        }

        tns.Add(holder.Tn);
    }
}
