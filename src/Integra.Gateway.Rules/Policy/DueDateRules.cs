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
        var simple = ctx.Simple;
        var cutoff = simple ? ctx.Options.SimpleCutoff : ctx.Options.NonSimpleCutoff;
        var interval = simple
            ? ctx.Receipt.Partner.SimpleInterval ?? ctx.Options.SimpleIntervalDays
            : ctx.Receipt.Partner.NonSimpleInterval ?? ctx.Options.NonSimpleIntervalDays;
        var calendar = ctx.Data.Calendar;
        var erd = DueDates.EffectiveReceivedDate(ctx.ReceivedLocal, cutoff, calendar);
        var sdd = DueDates.StandardDueDate(erd, interval, calendar);
        return new Dates(erd, sdd, FieldFormats.ParseDate(ctx.Fields[Field.Ddd]));
    }

    /// <summary>
    /// L10: more than 30 days out is rejected. The FOC date is the DDD moved to a business day, so a DDD that is
    /// itself within 30 days but whose next business day is not is rejected too: Integra never confirms a date
    /// more than 30 days after receipt.
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
        else if (ddd >= dates.Sdd && ctx.Data.Calendar.OnOrAfter(ddd) > limit)
        {
            ctx.Add("L10", RejectCodes.DueDateTooFar, Field.Ddd, $"DDD {ddd:yyyy-MM-dd} is not a business day and the next business day is more than {ctx.Options.MaxDaysOut} days after receipt ({received:yyyy-MM-dd}); choose a business day on or before {limit:yyyy-MM-dd}.");
        }
    }

    /// <summary>L11–L13 for a request without errors.</summary>
    public static LsrDecision Decide(LsrContext ctx, Dates dates, IReadOnlyList<FocLine> lines)
    {
        var ddd = dates.Ddd ?? dates.Sdd;
        if (ddd < dates.Sdd)
        {
            return string.Equals(ctx.Fields[Field.Exp], "Y", StringComparison.OrdinalIgnoreCase)
                ? new PendingReview(ddd, dates.Sdd, lines)
                : new Foc(dates.Sdd, lines, "L12");
        }

        return new Foc(ctx.Data.Calendar.OnOrAfter(ddd), lines, "L13");
    }
}
