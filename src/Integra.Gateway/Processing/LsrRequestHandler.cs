using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;

namespace Integra.Gateway.Processing;

/// <summary>Decides one LSR against its PON's history, records the decision, and returns its response rows.</summary>
internal sealed class LsrRequestHandler(ReferenceData data, PolicyOptions options, OrderStore store)
{
    public const string Kind = "LSR";
    private readonly LsrPolicy _policy = new(data, options);

    public IReadOnlyList<ResponseRow> Handle(LsrRequest request, Receipt receipt, string fileName, ResentResponses resent)
    {
        var hash = ContentHash.Of(request.CanonicalContent());
        var keyed = IsKeyed(request);
        var order = keyed ? store.FindOrder(receipt.Partner.Id, Kind, request.Ccna.ToUpperInvariant(), request.Pon) : null;
        var history = order is null ? null : History(order, request);
        var outcome = _policy.Decide(request, receipt, history, hash);
        if (outcome.Decision is Resend)
        {
            return resent.Of(order!.Id, request.Ver);
        }

        // A request we cannot file under its PON+VER, or one that conflicts with a version already on file (S8),
        // is answered but leaves the order's history untouched.
        if (!keyed || outcome.Decision is Reject { Errors: [{ RuleId: "S8" }, ..] })
        {
            return Rows(outcome, request, order?.LsrNo ?? string.Empty);
        }

        order ??= store.CreateOrder(receipt.Partner.Id, Kind, request.Ccna.ToUpperInvariant(), request.Pon, request.An, outcome.State, ZoneOf(outcome), request.Fields[Field.Nnsp]);
        order = Apply(order, outcome, request);
        var rows = Rows(outcome, request, order.LsrNo ?? string.Empty);
        store.UpdateOrder(order, $"{receipt.Channel.ToString().ToUpperInvariant()} {fileName} VER {request.Ver}", Describe(outcome.Decision));
        store.AddVersion(order.Id, request.Ver, request.Sup, hash, receipt.Channel, fileName, receipt.Received, OutcomeName(outcome.Decision), outcome.Decision.RuleId, Codes(rows), rows, Evidence.Of(request.Fields));
        return rows;
    }

    /// <summary>Only requests with a well-formed CCNA, PON and VER can be filed and found again.</summary>
    private static bool IsKeyed(LsrRequest request) =>
        request.Ccna.Length > 0 && FieldFormats.Check(Field.Ccna, request.Ccna) is null
        && request.Pon.Length > 0 && FieldFormats.Check(Field.Pon, request.Pon) is null
        && FieldFormats.Check(Field.Ver, request.Ver) is null;

    /// <summary>
    /// What the policy needs of the PON's history for this request, each part one indexed look-up: the hash of the
    /// same VER (S7/S8), the latest VER, and the ported TNs only for a cancel (SUP 1), the one decision that lists
    /// them. A PON with many versions or TNs then costs no more per later version or resend than a small one.
    /// </summary>
    private OrderHistory History(StoredOrder order, LsrRequest request)
    {
        var sameVersionHash = store.VersionHash(order.Id, request.Ver);
        var latestVer = store.LatestVer(order.Id) ?? "00";
        IReadOnlyList<string> portTns = sameVersionHash is null && request.Sup == "1"
            ? store.Tns(order.Id).Where(t => t.Lna == Lna.Port).Select(t => t.Tn).ToList()
            : [];
        return new OrderHistory(order.State, sameVersionHash, latestVer, order.FocDate, order.DueDateSups, portTns);
    }

    private string ZoneOf(LsrOutcome outcome) =>
        (outcome.Account?.TimeZone ?? data.StateZone(outcome.State) ?? options.FallbackZone).Id;

    private StoredOrder Apply(StoredOrder order, LsrOutcome outcome, LsrRequest request)
    {
        var sups = order.DueDateSups + (request.Sup == "2" ? 1 : 0);
        var accepted = order with
        {
            An = request.An,
            ServiceState = outcome.State,
            Zone = ZoneOf(outcome),
            Nnsp = request.Fields[Field.Nnsp],
            DueDateSups = sups,
        };
        switch (outcome.Decision)
        {
            case Foc foc:
                store.ReplaceTns(order.Id, foc.Lines, TnStatuses.Open);
                return accepted with { State = OrderState.Foc, FocDate = foc.DueDate, FocVer = request.Ver, PendingVer = null, LsrNo = order.LsrNo ?? store.NextLsrNo() };
            case PendingReview pending:
                store.ReplaceTns(order.Id, pending.Lines, TnStatuses.Pending);
                return accepted with
                {
                    State = OrderState.PendingReview,
                    PendingVer = request.Ver,
                    RequestedDate = pending.RequestedDate,
                    StandardDate = pending.StandardDueDate,
                    LsrNo = order.LsrNo ?? store.NextLsrNo(),
                };
            case Cancel:
                store.CancelOpenTns([order.Id]);
                return order with { State = OrderState.Canceled, PendingVer = null };
            case Reject { ClosesOrder: true }:
                return order with { State = OrderState.Closed, DueDateSups = sups, PendingVer = null };
            default:
                return order with { State = order.State == OrderState.Received ? OrderState.Rejected : order.State, DueDateSups = sups };
        }
    }

    private IReadOnlyList<ResponseRow> Rows(LsrOutcome outcome, LsrRequest request, string lsrNo)
    {
        var key = new ResponseRows.RequestKey(request.Ccna, request.Pon, request.Ver, lsrNo, request.An);
        return outcome.Decision switch
        {
            Foc foc => ResponseRows.Foc(key, foc.DueDate, foc.Lines, ResponseRows.FocMessage(foc.RuleId, foc.DueDate)),
            PendingReview pending => ResponseRows.Pending(key, pending),
            Cancel cancel => ResponseRows.Cancel(key, cancel.Tns, cancel.Code, "Canceled at your request (SUP 1)."),
            Reject reject => ResponseRows.Reject(key, reject.Errors, data.Contact(outcome.State, outcome.Account?.Company ?? string.Empty)),
            _ => throw new InvalidOperationException($"no response rows for {outcome.Decision.GetType().Name}"),
        };
    }

    internal static string OutcomeName(LsrDecision decision) => decision switch
    {
        Foc => "FOC",
        PendingReview => "PND",
        Cancel => "CAN",
        _ => "REJ",
    };

    internal static string Codes(IEnumerable<ResponseRow> rows) =>
        string.Join(';', rows.Select(r => r.Code).Where(c => c.Length > 0).Distinct());

    private static string Describe(LsrDecision decision) => decision switch
    {
        Foc foc => $"FOC {foc.DueDate:yyyy-MM-dd} by {foc.RuleId}",
        PendingReview p => $"PND X01 expedite to {p.RequestedDate:yyyy-MM-dd}, SDD {p.StandardDueDate:yyyy-MM-dd}",
        Cancel c => $"CAN {c.Code} by {c.RuleId}",
        Reject r => $"REJ {string.Join(';', r.Errors.Select(e => $"{e.RuleId}/{e.Code}").Distinct())}",
        _ => decision.RuleId,
    };
}
