using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;

namespace Integra.Gateway.Rules.Policy;

/// <summary>
/// L8 (a non-simple port that leaves working TNs with Integra must declare a partial port), L9 (the TNs of a
/// disconnect clause must be working TNs of the account, not ported), L9a (a disconnect clause must be clear), and the
/// FOC lines: ported, disconnected, remaining with Integra. REMARKS is read by <see cref="RemarksClauses"/>. For a
/// simple port REMARKS is information only (47 CFR §52.36): no rule applies and REMARKS changes none of its lines.
/// </summary>
internal static class PartialPort
{
    public static void Check(LsrContext ctx)
    {
        if (ctx.Simple || ctx.Account is not { } account)
        {
            return;
        }

        var remarks = ctx.Remarks;
        var handled = ctx.Ported;
        foreach (var doubt in remarks.Unclear)
        {
            ctx.Add("L9a", RejectCodes.UnclearDisconnect, Field.Remarks, $"The disconnect clause '{doubt.Clause}' in REMARKS is unclear: {doubt.Reason}. Integra disconnects nothing on unclear text; write the numbers to disconnect right after DISC and the numbers that stay in a KEEP clause, e.g. {doubt.ClearForm}.");
        }

        foreach (var tn in remarks.Disconnects)
        {
            var record = ctx.Data.Tn(tn);
            if (record is null || record.An != account.An || record.Status != TnStatus.Working)
            {
                ctx.Add("L9", RejectCodes.BadDisconnect, Field.Remarks, $"TN {tn} in a disconnect clause of REMARKS is not a working TN of account {account.An}; list only the account's working numbers after DISC.", tn);
            }
            else if (handled.Contains(tn))
            {
                ctx.Add("L9", RejectCodes.BadDisconnect, Field.Remarks, $"TN {tn} is both ported and in a disconnect clause of REMARKS; list it in one place only.", tn);
            }
            else if (remarks.Keeps.Contains(tn))
            {
                // Both "keep" and "disconnect": Integra does not guess which the end user wants.
                ctx.Add("L9", RejectCodes.BadDisconnect, Field.Remarks, $"TN {tn} is in both a disconnect clause and a keep clause of REMARKS; say once whether it is disconnected or kept.", tn);
            }
        }

        var requested = remarks.Keeps.Count > 0 ? new HashSet<string>(ctx.PortTns, StringComparer.Ordinal) : [];
        foreach (var tn in remarks.Keeps.Where(requested.Contains))
        {
            // A TN row ports it, a keep clause keeps it: Integra does not port a number the carrier may want kept.
            ctx.Add("L9", RejectCodes.BadDisconnect, Field.Remarks, $"TN {tn} is ported by a TN row but in a keep clause of REMARKS; remove it from the TN rows or from the keep clause.", tn);
        }

        // The TNs of an unclear clause are not disconnected, but they are not left undeclared either: their L9a error
        // is the one problem, and R40 on top ("write DISC <TN>") would send the partner after the wrong fix. L9 is
        // not checked on them for the same reason: the clear form is checked when it comes.
        var mentioned = remarks.Unclear.Count == 0 ? remarks.Disconnects : [.. remarks.Disconnects, .. remarks.Unclear.SelectMany(u => u.Tns)];
        var remaining = Remaining(ctx.Data, account, handled, mentioned);
        var declared = string.Equals(ctx.Fields[Field.Mi], "A", StringComparison.OrdinalIgnoreCase) || remarks.DeclaresPartialPort;
        if (remaining.Count > 0 && !declared)
        {
            ctx.Add("L8", RejectCodes.PartialNotIdentified, Field.Mi, $"Account {account.An} keeps {remaining.Count} working TN(s) ({string.Join(", ", remaining.Take(5))}{(remaining.Count > 5 ? ", ..." : string.Empty)}) not ported or in a disconnect clause; for a partial port set MI=A or write 'PARTIAL PORT' or 'KEEP <TN>' in REMARKS, or write 'DISC <TN>' for the TNs to disconnect.");
        }
    }

    /// <summary>
    /// One FOC line per TN of the account touched: P for the request's TNs and those NPAC already shows ported on
    /// this order, D for the TNs of a disconnect clause (non-simple ports only), R for every other working TN.
    /// </summary>
    public static IReadOnlyList<FocLine> Lines(LsrContext ctx)
    {
        var ported = ctx.Ported;
        var lines = ctx.PortTns.Select(tn => new FocLine(tn, Lna.Port)).ToList();
        var requested = new HashSet<string>(ctx.PortTns, StringComparer.Ordinal);
        lines.AddRange(ctx.ActivatedTns.Where(tn => !requested.Contains(tn)).Order(StringComparer.Ordinal).Select(tn => new FocLine(tn, Lna.Port)));
        if (ctx.Account is not { } account)
        {
            return lines;
        }

        var disconnects = ctx.Simple ? [] : ctx.Remarks.Disconnects.Where(tn => !ported.Contains(tn)).ToList();
        lines.AddRange(disconnects.Select(tn => new FocLine(tn, Lna.Disconnect)));
        lines.AddRange(Remaining(ctx.Data, account, ported, disconnects).Select(tn => new FocLine(tn, Lna.Remains)));
        return lines;
    }

    private static List<string> Remaining(ReferenceData data, Account account, IReadOnlySet<string> ported, IReadOnlyList<string> disconnects)
    {
        // Sets: a large account ported in one request would otherwise cost TNs × TNs comparisons. The ported set is
        // asked as it is (a copy per request was most of this rule's time); only many disconnects get a set of their own.
        var disconnected = disconnects.Count > 8 ? new HashSet<string>(disconnects, StringComparer.Ordinal) : null;
        var remaining = new List<string>();
        foreach (var t in data.TnsOf(account.An))
        {
            if (t.Status == TnStatus.Working && !ported.Contains(t.Tn) && !(disconnected?.Contains(t.Tn) ?? Contains(disconnects, t.Tn)))
            {
                remaining.Add(t.Tn);
            }
        }

        return remaining;
    }

    private static bool Contains(IReadOnlyList<string> tns, string tn)
    {
        for (var i = 0; i < tns.Count; i++)
        {
            if (string.Equals(tns[i], tn, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
