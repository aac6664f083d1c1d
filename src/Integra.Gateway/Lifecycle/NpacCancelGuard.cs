using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Lifecycle;

/// <summary>
/// SPEC §4: an NPAC CANCEL is never written for a TN that another open order ports. One order per TN (L19) keeps
/// that from arising; this checks again where cancels are written (sweep, S2, S5, expiry on arrival), because an
/// order filed before contract v3 may still share its TN with another, and a CANCEL then ends the other port on
/// its due date.
/// </summary>
internal static class NpacCancelGuard
{
    /// <summary>
    /// The NPAC CANCEL lines for these ending orders' TNs, less those another open order (not one of
    /// <paramref name="ending"/>) ports; <paramref name="kept"/> lists the TNs left out, by order.
    /// </summary>
    public static List<string[]> Lines(IUnitOfWork store, ReferenceData data, IReadOnlyList<(StoredOrder Order, string Tn)> cancels, IReadOnlySet<long> ending, out ILookup<long, string> kept)
    {
        var ported = cancels.Count == 0
            ? []
            : store.TnHolds.TnHolders(cancels.Select(c => c.Tn).ToHashSet(StringComparer.Ordinal))
                .Where(h => h.Lna == Rules.Model.Lna.Port && !ending.Contains(h.Order.Id))
                .Select(h => h.Tn)
                .ToHashSet(StringComparer.Ordinal);
        kept = cancels.Where(c => ported.Contains(c.Tn)).ToLookup(c => c.Order.Id, c => c.Tn);
        return cancels.Where(c => !ported.Contains(c.Tn))
            .Select(c => new NpacCancel(c.Tn, c.Order.Nnsp, c.Order.Pon, c.Order.LsrNo ?? string.Empty, data.NpacSpid(c.Tn)?.Id ?? string.Empty).Cells())
            .ToList();
    }

    /// <summary>An ending order's history detail, saying which of its TNs got no CANCEL and why.</summary>
    public static string Detail(string detail, IEnumerable<string> kept) =>
        kept.Any() ? $"{detail}; no NPAC CANCEL for {string.Join(", ", kept)}: another open order ports it" : detail;
}
