using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using NodaTime;

namespace Integra.Gateway.Processing;

/// <summary>
/// Manual expedite review of a PND X01 order (SPEC §6 <c>review</c>): approve FOCs at the requested DDD (or a date
/// the reviewer gives), deny FOCs at the standard due date. Either way the FOC carries the reviewed PON and VER.
/// </summary>
public sealed class ExpediteReview(ReferenceData data, OrderStore store)
{
    /// <summary>The FOC rows, and the order as it now stands.</summary>
    /// <exception cref="InvalidOperationException">No order of the partner with that PON awaits review, or the date is not a business day.</exception>
    public IReadOnlyList<ResponseRow> Decide(string partnerId, string pon, bool approve, LocalDate? dueDate)
    {
        using var transaction = store.Begin();
        var order = store.FindOrdersByPon(partnerId, LsrRequestHandler.Kind, pon).SingleOrDefault(o => o.State == OrderState.PendingReview)
            ?? throw new InvalidOperationException($"PON {pon} of partner {partnerId} is not awaiting expedite review");
        var version = store.Version(order.Id, order.PendingVer!)!;
        if (dueDate is { } given && !data.Calendar.IsBusinessDay(given))
        {
            throw new InvalidOperationException($"--dd {given:yyyy-MM-dd} is not a business day");
        }

        var focDate = approve ? dueDate ?? data.Calendar.OnOrAfter(order.RequestedDate!.Value) : order.StandardDate!.Value;
        var ruleId = approve ? "REVIEW-APPROVE" : "REVIEW-DENY";
        var lines = store.Tns(order.Id).Select(t => new FocLine(t.Tn, t.Lna)).ToList();
        var key = new ResponseRows.RequestKey(order.Ccna, order.Pon, version.Ver, order.LsrNo ?? string.Empty, order.An);
        var rows = ResponseRows.Foc(key, focDate, lines, ResponseRows.FocMessage(ruleId, focDate));

        store.SetTnStatus(order.Id, TnStatuses.Open);
        store.UpdateOrder(
            order with { State = OrderState.Foc, FocDate = focDate, FocVer = version.Ver, PendingVer = null },
            $"REVIEW {(approve ? "approve" : "deny")}",
            $"FOC {focDate:yyyy-MM-dd} for VER {version.Ver}");
        // A resend of the reviewed version (S7) now gets the FOC, the current answer.
        store.ReplaceResponse(version.Id, "FOC", ruleId, rows);
        transaction.Commit();
        return rows;
    }
}
