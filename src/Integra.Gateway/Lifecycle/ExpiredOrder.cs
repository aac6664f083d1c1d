using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Orders;
using NodaTime;

namespace Integra.Gateway.Lifecycle;

/// <summary>
/// What expiring one FOC'd order withdraws (SPEC §4 Expiry): CAN E01 rows for its ported and disconnected TNs not
/// activated, on the version its FOC confirmed, and the ported ones as NPAC CANCEL candidates. The sweep and an
/// expiry on arrival (L19: a request for a TN the expired order still held) build the same rows from here.
/// </summary>
internal sealed record ExpiredOrder(StoredOrder Order, Withdrawal Withdrawn, IReadOnlyList<ResponseRow> Rows, LocalDate LastDay)
{
    public static ExpiredOrder Of(StoredOrder order, IEnumerable<StoredTn> tns, ReferenceData data, PolicyOptions options)
    {
        var focDate = order.FocDate ?? throw new InvalidOperationException($"order {order.Id} has no FOC date to expire from");
        var withdrawn = Withdrawal.Of(tns.Select(t => new OrderTn(t.Tn, t.Lna, t.Status == OrderTnStatus.Activated)));
        var key = new ResponseRows.RequestKey(order.Ccna, order.Pon, order.FocVer ?? string.Empty, order.LsrNo ?? string.Empty, order.An);
        var rows = CanRows(key, focDate, withdrawn.Cancels, data, options, out var lastDay);
        return new ExpiredOrder(order, withdrawn, rows, lastDay);
    }

    /// <summary>
    /// The CAN E01 rows of an expiry under <paramref name="key"/> (whose VER is the version the FOC confirmed), with
    /// the last port day they name; also what S2 answers when a supplement finds its order past that day.
    /// </summary>
    public static IReadOnlyList<ResponseRow> CanRows(ResponseRows.RequestKey key, LocalDate focDate, IEnumerable<string> tns, ReferenceData data, PolicyOptions options, out LocalDate lastDay)
    {
        lastDay = Expiry.LastPortDate(focDate, data.Calendar, options);
        return ResponseRows.Cancel(key, tns, RejectCodes.Expired, ResponseRows.ExpiredMessage(focDate, lastDay, options.ExpiryBusinessDays));
    }

    /// <summary>True when every ported TN is activated: the order is COMPLETE, not expired.</summary>
    public bool Complete => Withdrawn.NpacCancels.Count == 0;

    public string Detail => $"CAN E01 for {Withdrawn.Cancels.Count} TN(s) not ported by {LastDay:yyyy-MM-dd}";
}
