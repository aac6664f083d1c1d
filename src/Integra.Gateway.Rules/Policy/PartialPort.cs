using System.Text.RegularExpressions;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;

namespace Integra.Gateway.Rules.Policy;

/// <summary>
/// L8 (a partial port must say so: MI=A or PARTIAL in REMARKS) and L9 (TNs after DISC/DISCONNECT in REMARKS are
/// disconnected), and the FOC lines: ported, disconnected, remaining with Integra.
/// </summary>
internal static partial class PartialPort
{
    /// <summary>The TNs listed for disconnect: every TN after the first DISC or DISCONNECT word.</summary>
    public static IReadOnlyList<string> Disconnects(string remarks)
    {
        var match = DiscWord().Match(remarks);
        return match.Success ? TelephoneNumber.FindAll(remarks[(match.Index + match.Length)..]).Distinct().ToList() : [];
    }

    public static void Check(LsrContext ctx)
    {
        if (ctx.Account is not { } account)
        {
            return;
        }

        var remarks = ctx.Fields[Field.Remarks];
        var disconnects = Disconnects(remarks);

        // A set: REMARKS may list thousands of TNs against a request porting thousands.
        var ported = disconnects.Count > 0 ? new HashSet<string>(ctx.PortTns, StringComparer.Ordinal) : [];
        foreach (var tn in disconnects)
        {
            var record = ctx.Data.Tn(tn);
            if (record is null || record.An != account.An || record.Status != TnStatus.Working)
            {
                ctx.Add("L9", RejectCodes.BadDisconnect, Field.Remarks, $"TN {tn} listed for disconnect in REMARKS is not a working TN of account {account.An}; list only the account's working numbers after DISC.", tn);
            }
            else if (ported.Contains(tn))
            {
                ctx.Add("L9", RejectCodes.BadDisconnect, Field.Remarks, $"TN {tn} is both ported and listed for disconnect; list it in one place only.", tn);
            }
        }

        var remaining = Remaining(ctx.Data, account, ctx.PortTns, disconnects);
        var partialDeclared = string.Equals(ctx.Fields[Field.Mi], "A", StringComparison.OrdinalIgnoreCase) || PartialWord().IsMatch(remarks);
        if (remaining.Count > 0 && !partialDeclared)
        {
            ctx.Add("L8", RejectCodes.PartialNotIdentified, Field.Mi, $"Account {account.An} keeps {remaining.Count} working TN(s) ({string.Join(", ", remaining.Take(5))}{(remaining.Count > 5 ? ", ..." : string.Empty)}) not ported or listed for disconnect; for a partial port set MI=A or write PARTIAL in REMARKS, or list the TNs to disconnect after DISC.");
        }
    }

    /// <summary>One FOC line per TN of the account touched: P ported, D disconnect, R remains.</summary>
    public static IReadOnlyList<FocLine> Lines(ReferenceData data, Account? account, IReadOnlyList<string> portTns, string remarks)
    {
        var lines = portTns.Select(tn => new FocLine(tn, Lna.Port)).ToList();
        if (account is null)
        {
            return lines;
        }

        var ported = new HashSet<string>(portTns, StringComparer.Ordinal);
        var disconnects = Disconnects(remarks).Where(tn => !ported.Contains(tn)).ToList();
        lines.AddRange(disconnects.Select(tn => new FocLine(tn, Lna.Disconnect)));
        lines.AddRange(Remaining(data, account, portTns, disconnects).Select(tn => new FocLine(tn, Lna.Remains)));
        return lines;
    }

    private static List<string> Remaining(ReferenceData data, Account account, IReadOnlyList<string> portTns, IReadOnlyList<string> disconnects)
    {
        // Sets: a large account ported in one request would otherwise cost TNs × TNs comparisons.
        var handled = new HashSet<string>(portTns, StringComparer.Ordinal);
        handled.UnionWith(disconnects);
        return data.TnsOf(account.An).Where(t => t.Status == TnStatus.Working && !handled.Contains(t.Tn)).Select(t => t.Tn).ToList();
    }

    [GeneratedRegex(@"\bDISC(ONNECT)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex DiscWord();

    [GeneratedRegex(@"\bPARTIAL\b", RegexOptions.IgnoreCase)]
    private static partial Regex PartialWord();
}
