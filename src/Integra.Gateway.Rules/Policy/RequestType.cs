using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Rules.Policy;

/// <summary>L3: accepted REQTYP/ACT pairs. All three port types are conversions as specified (ACT V).</summary>
internal static class RequestType
{
    private static readonly HashSet<string> Accepted = new(["CB", "AB", "BB"], StringComparer.OrdinalIgnoreCase);

    public static void Check(LsrContext ctx)
    {
        var reqtyp = ctx.Fields[Field.Reqtyp];
        var act = ctx.Fields[Field.Act];
        if (reqtyp.Length == 0 || act.Length == 0
            || FieldFormats.Check(Field.Reqtyp, reqtyp) is not null || FieldFormats.Check(Field.Act, act) is not null)
        {
            return; // L1 already reports these
        }

        if (!Accepted.Contains(reqtyp))
        {
            ctx.Add("L3", RejectCodes.BadRequestType, Field.Reqtyp, $"REQTYP {reqtyp} is not accepted for a port out; use CB (number portability), AB (loop with number portability) or BB (loop reuse).");
        }
        else if (!string.Equals(act, "V", StringComparison.OrdinalIgnoreCase))
        {
            var hint = string.Equals(reqtyp, "BB", StringComparison.OrdinalIgnoreCase)
                ? "analog loop reuse is REQTYP BB with ACT V"
                : $"REQTYP {reqtyp} takes ACT V";
            ctx.Add("L3", RejectCodes.BadRequestType, Field.Act, $"ACT {act} is not accepted with REQTYP {reqtyp}; {hint}.");
        }
    }
}
