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

namespace Integra.Gateway.Processing;

/// <summary>The answer to one LSR: its response rows and, when it ended an order, the NPAC cancels it recorded.</summary>
public sealed record LsrAnswer(IReadOnlyList<ResponseRow> Rows, NpacBatch? Npac = null);

/// <summary>An NPAC outbox file produced by a decision (S2 expiry on arrival, S5 closure).</summary>
public sealed record NpacBatch(string FileName, IReadOnlyList<string[]> Rows);

/// <summary>Decides one LSR against its PON's history, records the decision, and returns its response rows.</summary>
internal sealed class LsrRequestHandler(ReferenceData data, PolicyOptions options, IUnitOfWork store)
{
    public const OrderKind Kind = OrderKind.Lsr;
    private readonly LsrPolicy _policy = new(data, options);
    private readonly OutboxStore _outbox = store.Outbox;
    private readonly ExpiryOnArrival _expiry = new(data, options, store);

    public async Task<LsrAnswer> HandleAsync(LsrRequest request, Receipt receipt, string fileName, ResentResponses resent, Delivery.MailThread? thread, OpenTnHolds holds, CancellationToken cancellationToken)
    {
        var hash = ContentHash.Of(request.CanonicalContent());
        var keyed = IsKeyed(request);
        var order = keyed ? await store.Orders.FindOrderAsync(receipt.Partner.Id, Kind, request.Ccna.ToUpperInvariant(), request.Pon, cancellationToken) : null;
        if (order is not null)
        {
            // Another channel's request or the desk's review of this PON may be deciding it now (on PostgreSQL, from
            // another connection or instance): wait for it, then decide on what it left, never on a copy it overwrites.
            await store.LockAsync(OrderLock(order.Partner, order.Pon), cancellationToken);
            order = await store.Orders.FindOrderAsync(order.Id, cancellationToken);
        }

        var history = order is null ? null : await HistoryAsync(order, request, hash, cancellationToken);
        var outcome = _policy.Decide(request, receipt, history, hash, await HoldsAsync(request, receipt, fileName, order, holds, cancellationToken));
        if (outcome.Decision is Resend)
        {
            return new LsrAnswer(await resent.OfAsync(order!.Id, request.Ver, cancellationToken));
        }

        // A request we cannot file under its PON+VER, or one that conflicts with a version already on file (S8),
        // is answered but leaves the order's history untouched.
        if (!keyed || outcome.Decision is Reject { Errors: [{ RuleId: "S8" }, ..] })
        {
            return new LsrAnswer(Rows(outcome, request, order?.LsrNo ?? string.Empty, order));
        }

        var created = order is null;
        order ??= await store.Orders.CreateOrderAsync(receipt.Partner.Id, Kind, request.Ccna.ToUpperInvariant(), request.Pon, request.An, outcome.State, ZoneOf(outcome), request.Fields[Field.Nnsp].ToUpperInvariant(), cancellationToken);
        var activated = history?.ActivatedTns ?? new HashSet<string>();
        order = await ApplyAsync(order, outcome, request, activated, cancellationToken);
        var rows = Rows(outcome, request, order.LsrNo ?? string.Empty, order);
        await store.Orders.UpdateOrderAsync(order, $"{receipt.Channel.ToString().ToUpperInvariant()} {fileName} VER {request.Ver}", Describe(outcome), cancellationToken);
        await store.Orders.AddVersionAsync(order.Id, request.Ver, request.Sup, hash, receipt.Channel, fileName, receipt.Received, OutcomeName(outcome.Decision), outcome.Decision.RuleId, Codes(rows), rows, Evidence.Of(request.Fields), cancellationToken);
        Track(holds, order, outcome.Decision, activated);

        // Later answers to this order (review, sweep) go back the way the request they answer came: a rejected
        // version changes nothing of the order, so it does not move its route either (the desk's FOC for a pending
        // SFTP request stays on SFTP after a rejected supplement from the portal).
        if (created || outcome.Decision is not Reject)
        {
            await store.Origins.SetOriginAsync(order.Id, new Delivery.DeliveryRoute(receipt.Channel, thread), cancellationToken);
        }

        return new LsrAnswer(rows, await NpacCancelsAsync(order, outcome.Decision, request.Ver, cancellationToken));
    }

    /// <summary>
    /// L19's input: the holds of other orders on the request's TNs. An order past its expiry that holds one expires
    /// first, in this same step, and then holds nothing (SPEC §4 L19).
    /// </summary>
    private async Task<List<TnHold>> HoldsAsync(LsrRequest request, Receipt receipt, string fileName, StoredOrder? order, OpenTnHolds holds, CancellationToken cancellationToken)
    {
        var tns = OneOpenOrderPerTn.TnsOf(request).ToList();
        var held = holds.On(tns, order?.Id);
        if (held.Count == 0)
        {
            return [];
        }

        var cause = $"{receipt.Channel.ToString().ToUpperInvariant()} {fileName}: PON {request.Pon} asked for a TN of this expired order";
        foreach (var holder in held.DistinctBy(h => h.Order.Id))
        {
            if (await _expiry.ExpireAsync(holder.Order, receipt.Received, cause, cancellationToken))
            {
                holds.Release(holder.Order.Id);
            }
        }

        return holds.On(tns, order?.Id)
            .Select(h => new TnHold(h.Tn, h.Lna, h.Order.Partner == receipt.Partner.Id, h.Order.Pon, h.Order.LsrNo))
            .ToList();
    }

    /// <summary>What the order holds after this decision, for the requests after it in the same file.</summary>
    private static void Track(OpenTnHolds holds, StoredOrder order, LsrDecision decision, IReadOnlySet<string> activated)
    {
        switch (decision)
        {
            case Foc foc:
                holds.Replace(order, foc.Lines, activated);
                break;
            case PendingReview pending:
                holds.Replace(order, pending.Lines, activated);
                break;
            case Cancel or Reject { Closure: not null }:
                holds.Release(order.Id);
                break;
        }
    }

    /// <summary>The lock that serialises everything that decides an LSR order of this partner and PON (intake, review).</summary>
    public static string OrderLock(string partner, string pon) => OrderLocks.Lsr(partner, pon);

    /// <summary>Only requests with a well-formed CCNA, PON and VER can be filed and found again.</summary>
    private static bool IsKeyed(LsrRequest request) =>
        request.Ccna.Length > 0 && FieldFormats.Check(Field.Ccna, request.Ccna) is null
        && request.Pon.Length > 0 && FieldFormats.Check(Field.Pon, request.Pon) is null
        && FieldFormats.Check(Field.Ver, request.Ver) is null;

    /// <summary>
    /// What the policy needs of the PON's history for this request, each part one indexed look-up: the hash of the
    /// same VER (S7/S8), the latest VER, and — for an open order only, where S2, S3, S5 and S6 answer for them — the
    /// order's TNs with their activation. A PON with many versions then costs no more per later version or resend
    /// than a small one.
    /// </summary>
    private async Task<OrderHistory> HistoryAsync(StoredOrder order, LsrRequest request, string hash, CancellationToken cancellationToken)
    {
        var sameVersionHash = await store.Orders.VersionHashAsync(order.Id, request.Ver, cancellationToken);
        if (sameVersionHash is not null && sameVersionHash != hash && request.LegacyCanonicalContent() is { } legacy && sameVersionHash == ContentHash.Of(legacy))
        {
            // VER 00 stored before contract v3 with VER blank: the same content, whichever spelling (S7).
            sameVersionHash = hash;
        }

        var latestVer = await store.Orders.LatestVerAsync(order.Id, cancellationToken) ?? "00";
        IReadOnlyList<OrderTn> tns = sameVersionHash is null && order.State is OrderState.Foc or OrderState.PendingReview
            ? (await store.Orders.TnsAsync(order.Id, cancellationToken)).Select(t => new OrderTn(t.Tn, t.Lna, t.Status == OrderTnStatus.Activated)).ToList()
            : [];
        return new OrderHistory(order.State, sameVersionHash, latestVer, order.FocDate, order.AcceptedDdd, order.DueDateSups, tns, OrderZone.Of(order, options)) { An = order.An };
    }

    private string ZoneOf(LsrOutcome outcome) => LocalZone.Of(data, outcome.Account, outcome.State, options).Id;

    private async Task<StoredOrder> ApplyAsync(StoredOrder order, LsrOutcome outcome, LsrRequest request, IReadOnlySet<string> activated, CancellationToken cancellationToken)
    {
        var accepted = order with
        {
            An = request.An,
            ServiceState = outcome.State,
            Zone = ZoneOf(outcome),
            Nnsp = request.Fields[Field.Nnsp].ToUpperInvariant(),
            DueDateSups = order.DueDateSups + (outcome.NewDueDateSupplement ? 1 : 0),
            AcceptedDdd = outcome.AcceptedDdd,
            Simple = outcome.Simple,
        };
        switch (outcome.Decision)
        {
            case Foc foc:
                await store.Orders.ReplaceTnsAsync(order.Id, foc.Lines, OrderTnStatus.Open, activated, cancellationToken);
                return accepted with { State = OrderState.Foc, FocDate = foc.DueDate, FocVer = request.Ver, PendingVer = null, LsrNo = order.LsrNo ?? await store.Orders.NextLsrNoAsync(cancellationToken) };
            case PendingReview pending:
                await store.Orders.ReplaceTnsAsync(order.Id, pending.Lines, OrderTnStatus.Pending, activated, cancellationToken);
                return accepted with
                {
                    State = OrderState.PendingReview,
                    PendingVer = request.Ver,
                    RequestedDate = pending.RequestedDate,
                    StandardDate = pending.StandardDueDate,
                    LsrNo = order.LsrNo ?? await store.Orders.NextLsrNoAsync(cancellationToken),
                };
            case Cancel:
                await store.Expiry.CancelOpenTnsAsync([order.Id], cancellationToken);
                return order with { State = OrderState.Canceled, PendingVer = null };
            case Reject { Closure: { } closure }:
                // S2 and S5 end the order the way the sweep does: its open TNs are withdrawn in this same step. A
                // completed order withdraws nothing: its ports happened, and its disconnects go with them.
                if (closure.State != OrderState.Complete)
                {
                    await store.Expiry.CancelOpenTnsAsync([order.Id], cancellationToken);
                }

                return order with { State = closure.State, PendingVer = null };
            default:
                return order with { State = order.State == OrderState.Received ? OrderState.Rejected : order.State };
        }
    }

    private async Task<NpacBatch?> NpacCancelsAsync(StoredOrder order, LsrDecision decision, string ver, CancellationToken cancellationToken)
    {
        if (decision is not Reject { Closure.Withdrawn.NpacCancels: { Count: > 0 } tns })
        {
            return null;
        }

        var (rows, _) = await NpacCancelGuard.LinesAsync(store, data, tns.Select(tn => (order, tn)).ToList(), new HashSet<long> { order.Id }, cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var batch = new NpacBatch($"npac-cancel-{order.LsrNo ?? order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}-{ver}.csv", rows);
        await _outbox.AddAsync(OutboxKind.Npac, OutboxFile.NpacPartner, batch.FileName, batch.Rows, cancellationToken);
        return batch;
    }

    private IReadOnlyList<ResponseRow> Rows(LsrOutcome outcome, LsrRequest request, string lsrNo, StoredOrder? order)
    {
        var key = new ResponseRows.RequestKey(request.Ccna, request.Pon, request.Ver, lsrNo, request.An);
        return outcome.Decision switch
        {
            Foc foc => [.. ResponseRows.Foc(key, foc.DueDate, foc.Lines, ResponseRows.FocMessage(foc.RuleId, foc.DueDate)), .. LeftOut(key, outcome)],
            PendingReview pending => [.. ResponseRows.Pending(key, pending), .. LeftOut(key, outcome)],
            Cancel cancel => ResponseRows.Cancel(key, cancel.Tns, cancel.Code, "Canceled at your request (SUP 1)."),
            Reject reject => [
                .. ResponseRows.Reject(key, reject.Errors, data.Contact(outcome.State, outcome.Account?.Company ?? string.Empty)),
                .. Withdrawn(key, reject.Closure, order)],
            _ => throw new InvalidOperationException($"no response rows for {outcome.Decision.GetType().Name}"),
        };
    }

    /// <summary>S11: a CAN C02 row for each TN this accepted supplement left out; it leaves the order.</summary>
    private static IReadOnlyList<ResponseRow> LeftOut(ResponseRows.RequestKey key, LsrOutcome outcome) =>
        ResponseRows.Cancel(key, outcome.LeftOut, RejectCodes.LeftOutBySupplement, $"Not in VER {key.Ver}: withdrawn from this order (S11); Integra neither ports nor disconnects it for PON {key.Pon} any more.");

    /// <summary>
    /// The CAN rows of an order ended by this supplement: E01 as the sweep would have written them (S2, an order
    /// past its expiry), R61 for an S5 closure.
    /// </summary>
    private IReadOnlyList<ResponseRow> Withdrawn(ResponseRows.RequestKey key, OrderClosure? closure, StoredOrder? order)
    {
        if (closure is not { CanCode: { } code, Withdrawn.Cancels: { Count: > 0 } tns })
        {
            return [];
        }

        if (code == RejectCodes.Expired && order is { FocDate: { } foc })
        {
            // The rows the sweep writes: they cancel the FOC of the version it confirmed.
            return ExpiredOrder.CanRows(key with { Ver = order.FocVer ?? key.Ver }, foc, tns, data, options, out _);
        }

        return ResponseRows.Cancel(key, tns, code, ResponseRows.ClosedMessage);
    }

    internal static ResponseType OutcomeName(LsrDecision decision) => decision switch
    {
        Foc => ResponseType.Foc,
        PendingReview => ResponseType.Pending,
        Cancel => ResponseType.Cancel,
        _ => ResponseType.Reject,
    };

    internal static string Codes(IEnumerable<ResponseRow> rows) =>
        string.Join(';', rows.Select(r => r.Code).Where(c => c.Length > 0).Distinct());

    private static string Describe(LsrOutcome outcome) => outcome.LeftOut.Count > 0
        ? $"{Describe(outcome.Decision)}; CAN C02 for {outcome.LeftOut.Count} TN(s) left out"
        : Describe(outcome.Decision);

    private static string Describe(LsrDecision decision) => decision switch
    {
        Foc foc => $"FOC {foc.DueDate:yyyy-MM-dd} by {foc.RuleId}",
        PendingReview p => $"PND X01 expedite to {p.RequestedDate:yyyy-MM-dd}, SDD {p.StandardDueDate:yyyy-MM-dd}",
        Cancel c => $"CAN {c.Code} by {c.RuleId}",
        Reject { Closure: { } closure } r => $"REJ {string.Join(';', r.Errors.Select(e => $"{e.RuleId}/{e.Code}").Distinct())}; {closure.State.ToString().ToUpperInvariant()}, {closure.Withdrawn.Cancels.Count} TN(s) withdrawn",
        Reject r => $"REJ {string.Join(';', r.Errors.Select(e => $"{e.RuleId}/{e.Code}").Distinct())}",
        _ => decision.RuleId,
    };
}
