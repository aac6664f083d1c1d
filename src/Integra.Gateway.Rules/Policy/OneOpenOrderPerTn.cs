using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Rules.Policy;

/// <summary>
/// L19: one open order per TN. NPAC allows one pending port per TN, and a TN is never ported and disconnected at
/// once: a TN this request would port or disconnect that another open order already ports or disconnects is
/// refused (R26, on the TN's row). Another partner's order is never named: its PON belongs to that partner.
/// </summary>
public static class OneOpenOrderPerTn
{
    /// <summary>
    /// Every TN a request could hold, for the host to look up before deciding it: the TNs of its rows and those of
    /// its REMARKS disconnect clauses.
    /// </summary>
    public static IEnumerable<string> TnsOf(LsrRequest request) =>
        request.Tns.Where(t => t.Tn is not null).Select(t => t.Tn!)
            .Concat(RemarksClauses.Read(request.Fields[Field.Remarks]).Disconnects)
            .Distinct(StringComparer.Ordinal);

    internal static void Check(LsrContext ctx, IReadOnlyList<TnHold> holds)
    {
        if (holds.Count == 0)
        {
            return;
        }

        var byTn = holds.GroupBy(h => h.Tn, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var line in PartialPort.Lines(ctx))
        {
            // An activated TN of this order is in service already: no other order can take it from this one.
            if (line.Lna == Lna.Remains || ctx.ActivatedTns.Contains(line.Tn) || !byTn.TryGetValue(line.Tn, out var hold))
            {
                continue;
            }

            var what = hold.Lna == Lna.Port ? "ports" : "disconnects";
            var message = hold.SamePartner
                ? $"TN {line.Tn} is held by your open order PON {hold.Pon}{(hold.LsrNo is { Length: > 0 } no ? $" (LSRNO {no})" : string.Empty)}, which {what} it; cancel that order with SUP 1 (or wait until it completes or expires), or change it with a supplement, then send this request again."
                : $"TN {line.Tn} is held by another port-out order that is open; Integra ports or disconnects a TN for one order at a time. Check with the end user which carrier they are moving to.";
            ctx.Add("L19", RejectCodes.TnHeldByOpenOrder, Field.Tn, message, line.Tn);
        }
    }
}
