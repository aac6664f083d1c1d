using Integra.Gateway.Rules.Calendar;
using Integra.Gateway.Rules.Model;
using NodaTime;

namespace Integra.Gateway.Rules.Policy;

/// <summary>The due-date outcome of a request that passed every other rule: L10–L13.</summary>
internal static class DueDateRules
{
    /// <summary>The dates a decision rests on; null DDD when the request has none (a cancel).</summary>
    public sealed record Dates(LocalDate Erd, LocalDate Sdd, LocalDate? Ddd);

    public static Dates Compute(LsrContext ctx)
    {
        var cutoff = PortKind.Cutoff(ctx.Simple, ctx.Options);
        var interval = PortKind.Interval(ctx.Simple, ctx.Receipt.Partner, ctx.Options);
        var calendar = ctx.Data.Calendar;
        var erd = DueDates.EffectiveReceivedDate(ctx.ReceivedLocal, cutoff, calendar);
        var sdd = DueDates.StandardDueDate(erd, interval, calendar);
        return new Dates(erd, sdd, FieldFormats.ParseDate(ctx.Fields[Field.Ddd]));
    }

    /// <summary>
    /// L10: a DDD, as the partner wrote it, more than 30 calendar days after the local received date is rejected.
    /// Day 30 itself is accepted even when it is not a business day: L13 then confirms the next business day.
    /// </summary>
    public static void CheckWindow(LsrContext ctx, Dates dates)
    {
        if (dates.Ddd is not { } ddd)
        {
            return;
        }

        var received = ctx.ReceivedLocal.Date;
        var limit = received.PlusDays(ctx.Options.MaxDaysOut);
        if (ddd > limit)
        {
            ctx.Add("L10", RejectCodes.DueDateTooFar, Field.Ddd, $"DDD {ddd:yyyy-MM-dd} is more than {ctx.Options.MaxDaysOut} days after the request was received ({received:yyyy-MM-dd}); send a DDD on or before {limit:yyyy-MM-dd}.");
        }
    }

    /// <summary>L11–L13 for a request without errors.</summary>
    public static LsrDecision Decide(LsrContext ctx, Dates dates, IReadOnlyList<FocLine> lines)
    {
        var ddd = dates.Ddd ?? dates.Sdd;
        if (ddd < dates.Sdd)
        {
            // L11: "populated" is any non-blank EXP; on a non-simple port anything but Y was already rejected (L1).
            return ctx.Fields[Field.Exp].Length > 0
                ? new PendingReview(ddd, dates.Sdd, lines)
                : new Foc(dates.Sdd, lines, "L12");
        }

        return new Foc(ctx.Data.Calendar.OnOrAfter(ddd), lines, "L13");
    }
}
