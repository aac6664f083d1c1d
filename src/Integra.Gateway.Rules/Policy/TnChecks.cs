using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;

namespace Integra.Gateway.Rules.Policy;

/// <summary>
/// Per-TN checks: L4 (in Integra's inventory, on the account), L5 (working), L6 (Qwest resale),
/// L7 (NPAC shows no other provider: a TN without an npac.csv row is native to Integra's own block).
/// </summary>
internal static class TnChecks
{
    public static void Check(LsrContext ctx)
    {
        if (ctx.Account is null && ctx.Request.An.Length > 0)
        {
            ctx.Add("L4", RejectCodes.TnOtherAccount, Field.An, AccountNotFound(ctx.Request.An));
        }

        foreach (var tn in ctx.PortTns)
        {
            if (ctx.ActivatedTns.Contains(tn))
            {
                // S6: already ported on this order; NPAC now shows the new provider, which is the point.
                continue;
            }

            foreach (var error in CheckTn(ctx.Data, tn, ctx.Request.An, accountKnown: ctx.Account is not null, checkWorking: true))
            {
                ctx.Errors.Add(error);
            }
        }
    }

    public static string AccountNotFound(string an) =>
        $"AN {an} is not an Integra account; send the account number shown on the customer service record.";

    /// <summary>The errors for one TN, for LSRs (L4–L7) and CSRs (C3: L4, L6, L7).</summary>
    public static IEnumerable<RuleError> CheckTn(ReferenceData data, string tn, string an, bool accountKnown, bool checkWorking)
    {
        var record = data.Tn(tn);
        if (record is null)
        {
            yield return new RuleError("L4", RejectCodes.TnNotIntegra, Field.Tn.Name(), $"TN {tn} is not an Integra number; check the number, or request it from its current provider.", tn);
            yield break;
        }

        if (accountKnown && an.Length > 0 && record.An != an)
        {
            yield return new RuleError("L4", RejectCodes.TnOtherAccount, Field.Tn.Name(), $"TN {tn} is not on account {an}; send the account number the TN belongs to, or one request per account.", tn);
            yield break;
        }

        if (checkWorking && record.Status != TnStatus.Working)
        {
            yield return new RuleError("L5", RejectCodes.TnNotWorking, Field.Tn.Name(), $"TN {tn} is {record.Status.ToString().ToUpperInvariant()}; only working numbers can be ported. Remove it from the request.", tn);
        }

        var spid = data.NpacSpid(tn);
        if (spid is { Owner: SpidOwner.Qwest })
        {
            yield return new RuleError("L6", RejectCodes.QwestResale, Field.Tn.Name(), $"TN {tn} shows Qwest SPID {spid.Id} in NPAC (Qwest resale); obtain the CSR/LSR from Qwest.", tn);
        }
        else if (spid is { Owner: SpidOwner.Other })
        {
            // No npac.csv row means the TN was never ported or pooled away: native to Integra's own block.
            yield return new RuleError("L7", RejectCodes.TnNotIntegra, Field.Tn.Name(), $"NPAC shows SPID {spid.Id} for TN {tn}, not Integra; confirm the current provider in NPAC before requesting.", tn);
        }
    }
}
