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
    /// <paramref name="ending"/>) ports, with the TNs left out, by order.
    /// </summary>
    public static async Task<NpacCancelLines> LinesAsync(IUnitOfWork store, ReferenceData data, IReadOnlyList<(StoredOrder Order, string Tn)> cancels, IReadOnlySet<long> ending, CancellationToken cancellationToken)
    {
        var ported = cancels.Count == 0
            ? []
            : (await store.TnHolds.TnHoldersAsync(cancels.Select(c => c.Tn).ToHashSet(StringComparer.Ordinal), cancellationToken))
                .Where(h => h.Lna == Rules.Model.Lna.Port && !ending.Contains(h.Order.Id))
                .Select(h => h.Tn)
                .ToHashSet(StringComparer.Ordinal);
        var kept = cancels.Where(c => ported.Contains(c.Tn)).ToLookup(c => c.Order.Id, c => c.Tn);
        var rows = cancels.Where(c => !ported.Contains(c.Tn))
            .Select(c => new NpacCancel(c.Tn, c.Order.Nnsp, c.Order.Pon, c.Order.LsrNo ?? string.Empty, data.NpacSpid(c.Tn)?.Id ?? string.Empty).Cells())
            .ToList();
        return new NpacCancelLines(rows, kept);
    }

    /// <summary>The NPAC CANCEL lines of <see cref="LinesAsync"/>, and the TNs left out (<paramref name="Kept"/>), by order.</summary>
    public sealed record NpacCancelLines(List<string[]> Rows, ILookup<long, string> Kept);

    /// <summary>An ending order's history detail, saying which of its TNs got no CANCEL and why.</summary>
    public static string Detail(string detail, IEnumerable<string> kept) =>
        kept.Any() ? $"{detail}; no NPAC CANCEL for {string.Join(", ", kept)}: another open order ports it" : detail;
}
