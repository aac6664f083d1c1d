using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;

namespace Integra.Gateway.Rules.Policy;

/// <summary>
/// Integra's port-out policy for one LSR: L1–L18 on the request itself, S1–S9 against the PON's history.
/// Pure: everything it needs is passed in.
/// </summary>
public sealed class LsrPolicy(ReferenceData data, PolicyOptions options)
{
    /// <summary>Decides a request received through <paramref name="receipt"/>.</summary>
    /// <param name="request">The assembled request.</param>
    /// <param name="receipt">Partner, channel, received instant.</param>
    /// <param name="history">What the store knows of the PON; null when this is its first version.</param>
    /// <param name="contentHash">Hash of <see cref="LsrRequest.CanonicalContent"/>, to recognise resends.</param>
    public LsrOutcome Decide(LsrRequest request, Receipt receipt, OrderHistory? history, string contentHash)
    {
        var ctx = new LsrContext(request, receipt, data, options);
        if (history is null)
        {
            if (request.Sup.Length > 0)
            {
                ctx.Add("S1", RejectCodes.NoPriorVersion, Field.Sup, $"SUP {request.Sup} was sent but Integra has no earlier version of PON {request.Pon}; send the initial request with SUP blank.");
            }

            return Evaluate(ctx);
        }

        return Supplement(ctx, history, contentHash);
    }

    private LsrOutcome Supplement(LsrContext ctx, OrderHistory history, string contentHash)
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

        if (history.State is OrderState.Canceled or OrderState.Expired or OrderState.Complete or OrderState.Closed)
        {
            return Only(ctx, "S2", RejectCodes.NewLsrRequired, Field.Pon, $"PON {request.Pon} is {history.State.ToString().ToUpperInvariant()}; a supplement cannot reopen it. Send a new LSR with a new PON.");
        }

        var sup = request.Sup;
        if (history.State is OrderState.Rejected or OrderState.Received)
        {
            // S9: after a reject the next version is a fresh request; only a plain resubmission or SUP 3 makes sense.
            if (sup is "1" or "2")
            {
                ctx.Add("S9", RejectCodes.BadFormat, Field.Sup, $"The previous version of PON {request.Pon} was rejected, so there is nothing to {(sup == "1" ? "cancel" : "re-date")}; send the corrected request with SUP blank or 3.");
            }

            return Evaluate(ctx);
        }

        switch (sup)
        {
            case "":
                ctx.Add("L1", RejectCodes.MissingField, Field.Sup, $"PON {request.Pon} already has VER {history.LatestVer}; a higher VER is a supplement and needs SUP 1 (cancel), 2 (new due date) or 3 (other change).");
                return Evaluate(ctx);
            case "1":
                Authorization.CheckCcna(ctx.Fields, ctx.Receipt, ctx.Errors);
                return ctx.Errors.Count > 0
                    ? Outcome(ctx, new Reject(ctx.Errors))
                    : Outcome(ctx, new Cancel(history.PortTns, RejectCodes.CanceledBySupplement, "S3"));
            case "2" when history.DueDateSupplements + 1 > options.MaxDueDateSupplements:
                ctx.Add("S5", RejectCodes.TooManySupplements, Field.Sup, $"PON {request.Pon} has had more than {options.MaxDueDateSupplements} due-date supplements; the order is closed. Send a new LSR when you have a firm due date.");
                return Outcome(ctx, new Reject(ctx.Errors, ClosesOrder: true));
            default:
                return KeepEstablishedDate(Evaluate(ctx), ctx, history);
        }
    }

    /// <summary>S4: a supplement asking for the established FOC date, with at least 2 business days' notice, keeps it.</summary>
    private LsrOutcome KeepEstablishedDate(LsrOutcome evaluated, LsrContext ctx, OrderHistory history)
    {
        if (history.FocDate is not { } established
            || evaluated.EffectiveReceivedDate is not { } erd
            || evaluated.Decision is not (Foc or PendingReview)
            || FieldFormats.ParseDate(ctx.Fields[Field.Ddd]) != established
            || data.Calendar.BusinessDaysBetween(erd, established) < options.SupplementNoticeBusinessDays)
        {
            return evaluated;
        }

        var lines = PartialPort.Lines(data, ctx.Account, ctx.PortTns, ctx.Fields[Field.Remarks]);
        return evaluated with { Decision = new Foc(established, lines, "S4") };
    }

    /// <summary>L1–L18: every error of the request together, else the due-date decision.</summary>
    private LsrOutcome Evaluate(LsrContext ctx)
    {
        ctx.Errors.InsertRange(0, ctx.Request.AssemblyErrors);
        RequiredFields.Check(ctx);
        Authorization.Check(ctx);
        RequestType.Check(ctx);
        EmailChannel.Check(ctx);
        TnChecks.Check(ctx);
        PartialPort.Check(ctx);

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

        var lines = PartialPort.Lines(data, ctx.Account, ctx.PortTns, ctx.Fields[Field.Remarks]);
        return Outcome(ctx, DueDateRules.Decide(ctx, dates, lines), dates);
    }

    private static LsrOutcome Only(LsrContext ctx, string ruleId, string code, Field field, string message)
    {
        ctx.Add(ruleId, code, field, message);
        return Outcome(ctx, new Reject(ctx.Errors));
    }

    private static LsrOutcome Outcome(LsrContext ctx, LsrDecision decision, DueDateRules.Dates? dates = null) =>
        new(decision, ctx.Account, ctx.State, ctx.Simple, dates?.Erd, dates?.Sdd);
}
