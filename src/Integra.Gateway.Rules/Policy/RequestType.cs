using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Rules.Policy;

/// <summary>
/// L3: this desk takes port-outs only: REQTYP CB (number portability) or BB (loop with number portability, the
/// analog loop re-used), each a conversion as specified (ACT V). AB orders a loop without the number: not a port.
/// </summary>
internal static class RequestType
{
    private static readonly HashSet<string> Accepted = new(["CB", "BB"], StringComparer.OrdinalIgnoreCase);

    private const string Takes = "this desk takes port-outs: REQTYP CB, or BB with ACT V to re-use the analog loop";

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
            ctx.Add("L3", RejectCodes.BadRequestType, Field.Reqtyp, $"REQTYP {reqtyp} is not a port-out request; {Takes}.");
        }
        else if (!string.Equals(act, "V", StringComparison.OrdinalIgnoreCase))
        {
            ctx.Add("L3", RejectCodes.BadRequestType, Field.Act, $"ACT {act} is not accepted with REQTYP {reqtyp}; {Takes}.");
        }
    }
}
