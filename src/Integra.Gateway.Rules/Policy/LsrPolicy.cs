using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;

namespace Integra.Gateway.Rules.Policy;

/// <summary>
/// Integra's port-out policy for one LSR: L1–L18 on the request itself, L19 against the other open orders holding
/// its TNs, S1–S12 against the PON's history. Pure: everything it needs is passed in.
/// </summary>
public sealed class LsrPolicy(ReferenceData data, PolicyOptions options)
{
    /// <summary>Decides a request received through <paramref name="receipt"/>.</summary>
    /// <param name="request">The assembled request.</param>
    /// <param name="receipt">Partner, channel, received instant.</param>
    /// <param name="history">What the store knows of the PON; null when this is its first version.</param>
    /// <param name="contentHash">Hash of <see cref="LsrRequest.CanonicalContent"/>, to recognise resends.</param>
    /// <param name="holds">
    /// The TNs of <see cref="OneOpenOrderPerTn.TnsOf"/> this request that other open orders (other PONs) hold, none of
    /// them past its expiry (L19); the host expires such an order before it asks.
    /// </param>
    public LsrOutcome Decide(LsrRequest request, Receipt receipt, OrderHistory? history, string contentHash, IReadOnlyList<TnHold>? holds = null)
    {
        holds ??= [];
        if (history is null)
        {
            var ctx = new LsrContext(request, receipt, data, options);
            if (request.Sup.Length > 0)
            {
                ctx.Add("S1", RejectCodes.NoPriorVersion, Field.Sup, $"SUP {request.Sup} was sent but Integra has no earlier version of PON {request.Pon}; send the initial request with SUP blank.");
            }

            return Evaluate(ctx, holds);
        }

        return Supplement(new LsrContext(request, receipt, data, options, history.ActivatedTns), history, contentHash, holds);
    }

    private LsrOutcome Supplement(LsrContext ctx, OrderHistory history, string contentHash, IReadOnlyList<TnHold> holds)
    {
        var request = ctx.Request;
        if (history.SameVersionHash is { } same)
        {
            return same == contentHash
                ? Outcome(ctx, new Resend(request.Ver))
                : Only(ctx, "S8", RejectCodes.VersionConflict, Field.Ver, $"VER {request.Ver} of PON {request.Pon} was already received with different content; send changes as a higher VER.");
        }

        if (string.CompareOrdinal(request.Ver, history.LatestVer) < 0)
        {
            return Only(ctx, "S8", RejectCodes.VersionConflict, Field.Ver, $"VER {request.Ver} is lower than VER {history.LatestVer} already received for PON {request.Pon}; send a VER higher than {history.LatestVer}.");
        }

        if (Ended(ctx, history) is { } ended)
        {
            return ended;
        }

        var sup = request.Sup;
        if (history.State is OrderState.Rejected or OrderState.Received)
        {
            // S9: after a reject the next version is a fresh request; only a plain resubmission or SUP 3 makes sense.
            if (sup is "1" or "2")
            {
                ctx.Add("S9", RejectCodes.BadFormat, Field.Sup, $"The previous version of PON {request.Pon} was rejected, so there is nothing to {(sup == "1" ? "cancel" : "re-date")}; send the corrected request with SUP blank or 3.");
            }

            return Evaluate(ctx, holds);
        }

        if (OtherAccount(ctx, history) is { } moved)
        {
            return moved;
        }

        switch (sup)
        {
            case "":
                ctx.Add("L1", RejectCodes.MissingField, Field.Sup, $"PON {request.Pon} already has VER {history.LatestVer}; a higher VER is a supplement and needs SUP 1 (cancel), 2 (new due date) or 3 (other change).");
                return Evaluate(ctx, holds);
            case "1":
                return CancelOrder(ctx, history);
            default:
                return LeftOut(DateChange(Evaluate(ctx, holds), ctx, history), history);
        }
    }

    /// <summary>
    /// S10: a supplement belongs to its order's account. One that names another AN would move the order — and the
    /// authorization, ZIP and passcode it was checked against — to another end user; it is refused on its own, so
    /// that no rule is judged against the other account (L2, L14, L17, L18 read the order's account).
    /// </summary>
    private static LsrOutcome? OtherAccount(LsrContext ctx, OrderHistory history)
    {
        var an = ctx.Request.An;
        if (history.An is not { Length: > 0 } orderAn || an.Length == 0 || string.Equals(an, orderAn, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Only(ctx, "S10", RejectCodes.OtherAccount, Field.An, $"PON {ctx.Request.Pon} is an order for account {orderAn}; a supplement cannot move it to account {an}. Cancel it with SUP 1 (AN {orderAn}) and send a new LSR with a new PON for account {an}.");
    }

    /// <summary>
    /// S11: an accepted SUP 2/3 that no longer ports or disconnects a TN the order held withdraws it: a CAN C02 row,
    /// and the TN leaves the order (no NPAC action: the new provider cancels its own pending subscription, as for
    /// S3). An ACTIVATED TN stays on the order, ported (S6).
    /// </summary>
    private static LsrOutcome LeftOut(LsrOutcome decided, OrderHistory history)
    {
        var lines = decided.Decision switch
        {
            Foc foc => foc.Lines,
            PendingReview pending => pending.Lines,
            _ => null,
        };
        if (lines is null)
        {
            return decided;
        }

        var kept = lines.Where(l => l.Lna is Lna.Port or Lna.Disconnect).Select(l => l.Tn).ToHashSet(StringComparer.Ordinal);
        var leftOut = Withdrawal.Of(history.Tns).Cancels.Where(tn => !kept.Contains(tn)).ToList();
        return leftOut.Count == 0 ? decided : decided with { LeftOut = leftOut };
    }

    /// <summary>
    /// S2: an order that has ended takes no supplement. That includes an order at FOC already past its expiry when
    /// the supplement arrives (the sweep may not have run yet): it expires in this step, withdrawing exactly what
    /// the sweep would, so a late supplement can never revive a port the policy has already given up on.
    /// </summary>
    private LsrOutcome? Ended(LsrContext ctx, OrderHistory history)
    {
        var state = history.State;
        OrderClosure? closure = null;
        if (state == OrderState.Foc && history.AllPortsActivated)
        {
            state = OrderState.Complete;
            closure = new OrderClosure(OrderState.Complete, null, Withdrawal.Nothing);
        }
        else if (state == OrderState.Foc && history.FocDate is { } foc && Expiry.IsExpired(foc, ctx.Receipt.Received, history.Zone, data.Calendar, options))
        {
            state = OrderState.Expired;
            closure = new OrderClosure(OrderState.Expired, RejectCodes.Expired, Withdrawal.Of(history.Tns));
        }

        if (state is not (OrderState.Canceled or OrderState.Expired or OrderState.Complete or OrderState.Closed))
        {
            return null;
        }

        ctx.Add("S2", RejectCodes.NewLsrRequired, Field.Pon, $"PON {ctx.Request.Pon} is {state.ToString().ToUpperInvariant()}; a supplement cannot reopen it. Send a new LSR with a new PON.");
        return Outcome(ctx, new Reject(ctx.Errors, closure));
    }

    /// <summary>
    /// S3: SUP 1 cancels the order: CAN C01 for every ported and disconnected TN not activated (the disconnects are
    /// withdrawn with the port). A cancel needs no DDD, but it needs the end user's authorization and identity —
    /// AGAUTH = Y, AN, ZIP and the account's passcode (L1, L2, L17, L18) — and the channel rule (L14) applies to it
    /// as to any version: a cancel ends the end user's port.
    /// </summary>
    private static LsrOutcome CancelOrder(LsrContext ctx, OrderHistory history)
    {
        RequiredFields.CheckCancel(ctx);
        Authorization.Check(ctx);
        EmailChannel.Check(ctx);
        return ctx.Errors.Count > 0
            ? Outcome(ctx, new Reject(ctx.Errors))
            : Outcome(ctx, new Cancel(Withdrawal.Of(history.Tns).Cancels, RejectCodes.CanceledBySupplement, "S3"));
    }

    /// <summary>
    /// SUP 2/3 on an open order, already evaluated as a new request (S6). A supplement asks for a new date when its
    /// DDD differs from the last accepted version's; accepted ones are counted, and the one past the limit closes
    /// the order (S5). One that asks for no new date, with enough notice, keeps the established FOC date (S4).
    /// </summary>
    private LsrOutcome DateChange(LsrOutcome evaluated, LsrContext ctx, OrderHistory history)
    {
        if (evaluated.Decision is not (Foc or PendingReview))
        {
            return evaluated; // rejected versions change nothing and do not count (S5)
        }

        var ddd = FieldFormats.ParseDate(ctx.Fields[Field.Ddd]);

        // Orders decided before contract v2 kept no accepted DDD: they are compared with their FOC date (S4) and
        // counted as v1 counted them, every SUP 2 (S5), so that no legacy order is closed by a changed reading.
        var asksNewDate = ddd != (history.AcceptedDdd ?? history.FocDate);
        var counts = history.AcceptedDdd is null ? ctx.Request.Sup == "2" : asksNewDate;
        if (counts && history.DueDateSupplements + 1 > options.MaxDueDateSupplements)
        {
            ctx.Add("S5", RejectCodes.TooManySupplements, Field.Ddd, $"PON {ctx.Request.Pon} has had {options.MaxDueDateSupplements} supplements that changed the due date; the order is closed and its pending port withdrawn. Send a new LSR when you have a firm due date.");
            return evaluated with
            {
                Decision = new Reject(ctx.Errors, new OrderClosure(OrderState.Closed, RejectCodes.TooManySupplements, Withdrawal.Of(history.Tns))),
                AcceptedDdd = null,
            };
        }

        var counted = evaluated with { NewDueDateSupplement = counts };

        // S4 keeps a date the order has now: an order waiting for an expedite review has no established date to
        // keep, and its supplement is decided on its own.
        if (asksNewDate
            || history.State != OrderState.Foc
            || history.FocDate is not { } established
            || evaluated.EffectiveReceivedDate is not { } erd
            || data.Calendar.BusinessDaysBetween(erd, established) < options.SupplementNoticeBusinessDays)
        {
            return counted;
        }

        // S4: no new date asked, with enough notice: the date the partner and the end user were given stands.
        return counted with { Decision = new Foc(established, PartialPort.Lines(ctx), "S4") };
    }

    /// <summary>L1–L19: every error of the request together, else the due-date decision.</summary>
    private static LsrOutcome Evaluate(LsrContext ctx, IReadOnlyList<TnHold> holds)
    {
        ctx.Errors.InsertRange(0, ctx.Request.AssemblyErrors);
        RequiredFields.Check(ctx);
        Authorization.Check(ctx);
        RequestType.Check(ctx);
        EmailChannel.Check(ctx);
        TnChecks.Check(ctx);
        PartialPort.Check(ctx);
        OneOpenOrderPerTn.Check(ctx, holds);

        DueDateRules.Dates? dates = null;
        if (ctx.Fields[Field.Sup] != "1")
        {
            dates = DueDateRules.Compute(ctx);
            DueDateRules.CheckWindow(ctx, dates);
        }

        if (ctx.Errors.Count > 0 || dates is null)
        {
            return Outcome(ctx, new Reject(ctx.Errors), dates);
        }

        return Outcome(ctx, DueDateRules.Decide(ctx, dates, PartialPort.Lines(ctx)), dates) with { AcceptedDdd = dates.Ddd };
    }

    private static LsrOutcome Only(LsrContext ctx, string ruleId, string code, Field field, string message)
    {
        ctx.Add(ruleId, code, field, message);
        return Outcome(ctx, new Reject(ctx.Errors));
    }

    private static LsrOutcome Outcome(LsrContext ctx, LsrDecision decision, DueDateRules.Dates? dates = null) =>
        new(decision, ctx.Account, ctx.State, ctx.Simple, dates?.Erd, dates?.Sdd);
}
