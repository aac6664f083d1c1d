using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Rules.Policy;

/// <summary>
/// What ending an order withdraws (SPEC §4: S3, S5, expiry): a CAN row for every ported or disconnected TN that
/// NPAC does not show activated, and an NPAC CANCEL for every such ported TN. An ACTIVATED TN is in service with
/// the new provider: withdrawing it would take the end user's number away, so it is never in either list.
/// </summary>
/// <param name="Cancels">TNs that get a CAN row, in the order's TN order.</param>
/// <param name="NpacCancels">Ported TNs whose pending NPAC subscription is canceled.</param>
public sealed record Withdrawal(IReadOnlyList<string> Cancels, IReadOnlyList<string> NpacCancels)
{
    public static Withdrawal Nothing { get; } = new([], []);

    public static Withdrawal Of(IEnumerable<OrderTn> tns)
    {
        var open = tns.Where(t => !t.Activated && t.Lna is Lna.Port or Lna.Disconnect).ToList();
        return new Withdrawal(
            open.Select(t => t.Tn).ToList(),
            open.Where(t => t.Lna == Lna.Port).Select(t => t.Tn).ToList());
    }
}
