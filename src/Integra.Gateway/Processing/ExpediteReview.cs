using Integra.Gateway.Delivery;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Outbox;
using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.Processing;

/// <summary>The FOC of a review, the name under which it is delivered to the partner, the channel it goes on, and its date.</summary>
public sealed record ReviewAnswer(string FileName, IReadOnlyList<ResponseRow> Rows, Rules.Model.Channel Channel, LocalDate FocDate);

/// <summary>
/// Manual expedite review of a PND X01 order (SPEC §4 "Expedite review", §6 <c>review</c>), judged by
/// <see cref="ExpediteReviewPolicy"/> from the review's own time. The FOC carries the reviewed PON and VER, is kept as
/// the version's answer (a resend gets it), and is recorded in the outbox in the same transaction, so the partner
/// gets it exactly once even when the process stops right after the review. The command line's <c>review</c> and the
/// desk's page in the portal both decide here, so they cannot disagree.
/// </summary>
public sealed class ExpediteReview(ReferenceData data, PolicyOptions options, IUnitOfWork store)
{
    private readonly ExpediteReviewPolicy _policy = new(data, options);

    /// <summary>
    /// Decides the review, or says why not as a value: the order is no longer waiting (another reviewer was first),
    /// or the rules refuse the reviewer's date. Nothing is written unless it is decided.
    /// </summary>
    /// <param name="partnerId">The partner whose order it is.</param>
    /// <param name="pon">The PON awaiting review.</param>
    /// <param name="approve">Approve the expedite (else deny it).</param>
    /// <param name="dueDate">With an approval, the reviewer's date; null for the requested DDD.</param>
    /// <param name="reviewedAt">The review's own time, from which the rules judge it.</param>
    /// <param name="reviewer">Who decided, kept in the order's history (the operator at the command line, a desk user).</param>
    /// <param name="ver">The version the reviewer saw pending (the desk's page); null for whichever is pending now.</param>
    /// <param name="cancellationToken">Cancels the review before its commit; nothing is then written.</param>
    public async Task<ReviewOutcome> ReviewAsync(string partnerId, string pon, bool approve, LocalDate? dueDate, Instant reviewedAt, CancellationToken cancellationToken, string reviewer = "", string? ver = null)
    {
        var transaction = await store.BeginAsync(cancellationToken);
        await using var rollback = transaction;

        // Two reviewers at once (the page and the command line, two desk users), or a supplement of the PON arriving
        // meanwhile: the second waits here, then finds the order decided and is told so, never writing a second
        // answer over the first. The intake takes the same lock. (SQLite serialises writers by itself.)
        await store.LockAsync(LsrRequestHandler.OrderLock(partnerId, pon), cancellationToken);
        var order = (await store.Orders.FindOrdersByPonAsync(partnerId, LsrRequestHandler.Kind, pon, cancellationToken)).SingleOrDefault(o => o.State == OrderState.PendingReview);
        if (order is null)
        {
            return ReviewOutcome.NotPending($"PON {pon} of partner {partnerId} is not awaiting expedite review");
        }

        if (ver is not null && order.PendingVer != ver)
        {
            // A supplement came while the desk looked at the page: its date was not the one the reviewer judged.
            return ReviewOutcome.NotPending($"PON {pon} VER {ver} is no longer awaiting expedite review: VER {order.PendingVer} is; reload and review it");
        }

        var version = (await store.Orders.VersionAsync(order.Id, order.PendingVer!, cancellationToken))!;
        var pending = Pending(order);
        var decision = approve ? _policy.Approve(pending, reviewedAt, dueDate) : _policy.Deny(pending, reviewedAt);
        if (decision.FocDate is not { } focDate)
        {
            return ReviewOutcome.Refused(decision.Refusal!);
        }

        var lines = (await store.Orders.TnsAsync(order.Id, cancellationToken)).Select(t => new FocLine(t.Tn, t.Lna)).ToList();
        var key = new ResponseRows.RequestKey(order.Ccna, order.Pon, version.Ver, order.LsrNo ?? string.Empty, order.An);
        var rows = ResponseRows.Foc(key, focDate, lines, ResponseRows.FocMessage(decision.RuleId, focDate));

        await store.Orders.SetTnStatusAsync(order.Id, OrderTnStatus.Open, cancellationToken);
        var by = reviewer.Length == 0 ? string.Empty : $" by {reviewer}";
        await store.Orders.UpdateOrderAsync(
            order with { State = OrderState.Foc, FocDate = focDate, FocVer = version.Ver, PendingVer = null },
            $"REVIEW {(approve ? "approve" : "deny")}",
            $"FOC {focDate:yyyy-MM-dd} for VER {version.Ver}{by}",
            cancellationToken);

        // A resend of the reviewed version (S7) now gets the FOC, the current answer.
        await store.Orders.ReplaceResponseAsync(version.Id, ResponseType.Foc, decision.RuleId, rows, cancellationToken);
        var route = await store.Origins.OriginOfAsync(order.Id, cancellationToken);
        var answer = new ReviewAnswer($"review-{order.Pon}-{version.Ver}.resp.csv", rows, route.Channel, focDate);
        await store.Outbox.AddAsync(OutboxKind.Response, order.Partner, answer.FileName, rows.Select(r => r.Cells()), cancellationToken, route, order.Id);
        await transaction.CommitAsync(cancellationToken);
        return ReviewOutcome.Decided(answer);
    }

    /// <summary>The facts of an order at PND X01 that the policy judges a review by.</summary>
    /// <exception cref="InvalidOperationException">The order's partner is not in partners.csv (broken reference data).</exception>
    public PendingExpedite Pending(StoredOrder order) =>
        new(
            order.RequestedDate!.Value,
            order.StandardDate!.Value,
            order.Simple ?? SimplePort.AccountQualifies(data.Account(order.An), data),
            OrderZone.Of(order, options),
            data.Partner(order.Partner) ?? throw new InvalidOperationException($"partner {order.Partner} is not in partners.csv"));

    /// <summary>The earliest date an approval given at <paramref name="now"/> can confirm: the review's own ERD.</summary>
    public LocalDate EarliestApproval(StoredOrder order, Instant now) => _policy.ReviewErd(Pending(order), now);

    /// <summary>The command line's form of <see cref="ReviewAsync"/>: a review that is not decided is an exception.</summary>
    /// <exception cref="InvalidOperationException">
    /// No order of the partner with that PON awaits review, or the reviewer's date is refused (not a business day,
    /// before the review's effective received date, or more than 30 calendar days after the review's local date).
    /// A refusal's message is <c>--dd: PROBLEM</c>, the command line's <c>KEY: PROBLEM</c> form.
    /// </exception>
    public async Task<ReviewAnswer> DecideAsync(string partnerId, string pon, bool approve, LocalDate? dueDate, Instant reviewedAt, CancellationToken cancellationToken)
    {
        var outcome = await ReviewAsync(partnerId, pon, approve, dueDate, reviewedAt, cancellationToken);
        return outcome.Answer ?? throw new InvalidOperationException(outcome.Status == ReviewStatus.Refused ? $"--dd: {outcome.Problem}" : outcome.Problem);
    }
}
