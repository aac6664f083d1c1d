using Integra.Gateway.Lifecycle;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using NodaTime;

namespace Integra.Gateway.Processing;

/// <summary>The FOC of a review, the name under which it is delivered to the partner, and the channel it goes on.</summary>
public sealed record ReviewAnswer(string FileName, IReadOnlyList<ResponseRow> Rows, Rules.Model.Channel Channel);

/// <summary>
/// Manual expedite review of a PND X01 order (SPEC §4 "Expedite review", §6 <c>review</c>), judged by
/// <see cref="ExpediteReviewPolicy"/> from the review's own time. The FOC carries the reviewed PON and VER, is kept as
/// the version's answer (a resend gets it), and is recorded in the outbox in the same transaction, so the partner
/// gets it exactly once even when the process stops right after the review.
/// </summary>
public sealed class ExpediteReview(ReferenceData data, PolicyOptions options, OrderStore store)
{
    private readonly ExpediteReviewPolicy _policy = new(data, options);

    /// <exception cref="InvalidOperationException">
    /// No order of the partner with that PON awaits review, or the reviewer's date is refused (not a business day,
    /// or before the review's effective received date).
    /// </exception>
    public ReviewAnswer Decide(string partnerId, string pon, bool approve, LocalDate? dueDate, Instant reviewedAt)
    {
        using var transaction = store.Begin();
        var order = store.FindOrdersByPon(partnerId, LsrRequestHandler.Kind, pon).SingleOrDefault(o => o.State == OrderState.PendingReview)
            ?? throw new InvalidOperationException($"PON {pon} of partner {partnerId} is not awaiting expedite review");
        var version = store.Version(order.Id, order.PendingVer!)!;
        var pending = new PendingExpedite(
            order.RequestedDate!.Value,
            order.StandardDate!.Value,
            order.Simple ?? SimplePort.AccountQualifies(data.Account(order.An), data),
            OrderZone.Of(order, options),
            data.Partner(order.Partner) ?? throw new InvalidOperationException($"partner {order.Partner} is not in partners.csv"));
        var decision = approve ? _policy.Approve(pending, reviewedAt, dueDate) : _policy.Deny(pending, reviewedAt);
        if (decision.FocDate is not { } focDate)
        {
            throw new InvalidOperationException($"--dd {decision.Refusal}");
        }

        var lines = store.Tns(order.Id).Select(t => new FocLine(t.Tn, t.Lna)).ToList();
        var key = new ResponseRows.RequestKey(order.Ccna, order.Pon, version.Ver, order.LsrNo ?? string.Empty, order.An);
        var rows = ResponseRows.Foc(key, focDate, lines, ResponseRows.FocMessage(decision.RuleId, focDate));

        store.SetTnStatus(order.Id, OrderTnStatus.Open);
        store.UpdateOrder(
            order with { State = OrderState.Foc, FocDate = focDate, FocVer = version.Ver, PendingVer = null },
            $"REVIEW {(approve ? "approve" : "deny")}",
            $"FOC {focDate:yyyy-MM-dd} for VER {version.Ver}");

        // A resend of the reviewed version (S7) now gets the FOC, the current answer.
        store.ReplaceResponse(version.Id, ResponseType.Foc, decision.RuleId, rows);
        var route = store.OriginOf(order.Id);
        var answer = new ReviewAnswer($"review-{order.Pon}-{version.Ver}.resp.csv", rows, route.Channel);
        new OutboxStore(store, store.Clock).Add(OutboxKind.Response, order.Partner, answer.FileName, rows.Select(r => r.Cells()), route, order.Id);
        transaction.Commit();
        return answer;
    }
}
