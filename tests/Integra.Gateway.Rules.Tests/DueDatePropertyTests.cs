using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Integra.Gateway.Rules.Model;
using NodaTime;
using static Integra.Gateway.Rules.Tests.World;

namespace Integra.Gateway.Rules.Tests;

/// <summary>Invariants of every FOC date, over random receipt instants, accounts, DDDs and expedite flags.</summary>
public class DueDatePropertyTests
{
    private static readonly Instant Start = At("2024-01-01T00:00:00Z");
    private static readonly string[] Accounts = ["S-OR", "S-OR-E", "S-MT", "S-AZ", "S-ID", "M-MN"];

    public static Arbitrary<(Instant Received, string An, int DddOffset, bool Expedite)> Cases() =>
        (from minutes in Gen.Choose(0, 6 * 365 * 24 * 60)
         from an in Gen.Elements(Accounts)
         from offset in Gen.Choose(-3, 34)
         from exp in Gen.Elements(true, false)
         select (Start + Duration.FromMinutes(minutes), an, offset, exp)).ToArbitrary();

    private static (LsrOutcome Outcome, LocalDate ReceivedLocal) Run((Instant Received, string An, int DddOffset, bool Expedite) c)
    {
        var account = Data.Account(c.An)!;
        var zone = Data.ZoneOf(account)!;
        var receivedLocal = c.Received.InZone(zone).Date;
        var values = c.An == "M-MN"
            ? MultiLine((Field.Dated, receivedLocal.PlusDays(-1).ToString("yyyy-MM-dd", null)), (Field.Mi, "A"))
            : SimpleAccounts.Of(c.An);
        values[Field.Ddd] = receivedLocal.PlusDays(c.DddOffset).ToString("yyyy-MM-dd", null);
        values[Field.Exp] = c.Expedite ? "Y" : string.Empty;
        var request = c.An == "M-MN" ? Lsr(values, "6125550101") : Lsr(values);
        return (Decide(request, c.Received), receivedLocal);
    }

    [Property(Arbitrary = [typeof(DueDatePropertyTests)], MaxTest = 500)]
    public bool Every_foc_date_is_a_business_day((Instant Received, string An, int DddOffset, bool Expedite) c) =>
        Run(c).Outcome.Decision is not Foc foc || Data.Calendar.IsBusinessDay(foc.DueDate);

    [Property(Arbitrary = [typeof(DueDatePropertyTests)], MaxTest = 500)]
    public bool No_foc_before_the_standard_due_date_without_an_approved_expedite((Instant Received, string An, int DddOffset, bool Expedite) c)
    {
        var outcome = Run(c).Outcome;
        return outcome.Decision is not Foc foc || foc.DueDate >= outcome.StandardDueDate;
    }

    [Property(Arbitrary = [typeof(DueDatePropertyTests)], MaxTest = 500)]
    public bool No_foc_later_than_the_business_day_on_or_after_day_30((Instant Received, string An, int DddOffset, bool Expedite) c)
    {
        // L10: day 30 is accepted as requested and confirmed on the next business day when it is not one.
        var (outcome, receivedLocal) = Run(c);
        return outcome.Decision is not Foc foc || foc.DueDate <= Data.Calendar.OnOrAfter(receivedLocal.PlusDays(30));
    }

    [Property(Arbitrary = [typeof(DueDatePropertyTests)], MaxTest = 300)]
    public bool Every_valid_request_gets_a_due_date_decision((Instant Received, string An, int DddOffset, bool Expedite) c) =>
        Run(c).Outcome.Decision switch
        {
            Foc or PendingReview => true,
            Reject r => r.Errors.All(e => e.Code == "R30"),
            _ => false,
        };
}
