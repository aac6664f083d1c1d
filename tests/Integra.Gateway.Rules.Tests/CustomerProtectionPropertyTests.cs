using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Integra.Gateway.Rules.Calendar;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using NodaTime;
using static Integra.Gateway.Rules.Tests.World;

namespace Integra.Gateway.Rules.Tests;

/// <summary>
/// The invariants of contract v2 that protect an end user's service, over generated REMARKS, TN sets and review
/// times: a TN is disconnected only when a disconnect clause names it; a simple port is never rejected for (or
/// changed by) REMARKS; a review never confirms a date in the past. (ACTIVATED TNs over sequences of versions,
/// activations and sweeps are checked through the real store in the gateway's tests.)
/// </summary>
public class CustomerProtectionPropertyTests
{
    private static readonly string[] AccountTns = ["6125550101", "6125550102", "6125550103", "6125550104"];
    private static readonly string[] OtherTns = ["6125550105", "5035550101", "4065550101"];
    private static readonly string[] Terminators = ["; ", ". ", "\n", ";", ".\n"];

    /// <summary>One phrase of REMARKS: what it says, and the TN it names.</summary>
    public sealed record Phrase(string Kind, string Tn, int Format);

    private static readonly Gen<Phrase> Phrases =
        from kind in Gen.Elements("disc", "disconnect", "keep", "retain", "remains", "port-only", "note", "not-partial", "partial")
        from tn in Gen.Elements(AccountTns.Concat(OtherTns).ToArray())
        from format in Gen.Choose(0, 3)
        select new Phrase(kind, tn, format);

    public static Arbitrary<(Phrase[] Phrases, int[] Separators, bool[] Ported, bool Mi)> NonSimpleCases() =>
        (from n in Gen.Choose(0, 5)
         from phrases in Gen.ArrayOf(Phrases, n)
         from separators in Gen.ArrayOf(Gen.Choose(0, Terminators.Length - 1), n)
         from ported in Gen.ArrayOf(Gen.Elements(true, false), 4)
         from mi in Gen.Elements(true, false)
         select (phrases, separators, ported, mi)).ToArbitrary();

    public static Arbitrary<(Phrase[] Phrases, int[] Separators, int DddOffset, string Exp, int Minutes)> SimpleCases() =>
        (from n in Gen.Choose(1, 5)
         from phrases in Gen.ArrayOf(Phrases, n)
         from separators in Gen.ArrayOf(Gen.Choose(0, Terminators.Length - 1), n)
         from offset in Gen.Choose(-2, 32)
         from exp in Gen.Elements(string.Empty, "Y", "X")
         from minutes in Gen.Choose(0, 60 * 24 * 14)
         select (phrases, separators, offset, exp, minutes)).ToArbitrary();

    public static Arbitrary<(int RequestedOffset, int SddOffset, int ReviewMinutes, int? GivenOffset, bool Simple, bool Approve)> ReviewCases() =>
        (from requested in Gen.Choose(-5, 10)
         from sdd in Gen.Choose(1, 8)
         from minutes in Gen.Choose(0, 60 * 24 * 20)
         from given in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(-10, 20).Select(g => (int?)g))
         from simple in Gen.Elements(true, false)
         from approve in Gen.Elements(true, false)
         select (requested, sdd, minutes, given, simple, approve)).ToArbitrary();

    private static string Render(Phrase p)
    {
        var tn = p.Format switch
        {
            0 => p.Tn,
            1 => $"{p.Tn[..3]}-{p.Tn[3..6]}-{p.Tn[6..]}",
            2 => $"({p.Tn[..3]}) {p.Tn[3..6]}-{p.Tn[6..]}",
            _ => $"{p.Tn[..3]}.{p.Tn[3..6]}.{p.Tn[6..]}",
        };
        return p.Kind switch
        {
            "disc" => $"DISC {tn}",
            "disconnect" => $"please disconnect {tn}",
            "keep" => $"keep {tn} with Integra",
            "retain" => $"Retain {tn}",
            "remains" => $"{tn} remains",
            "port-only" => $"port {tn} only",
            "note" => $"call {tn} for access",
            "not-partial" => "NOT A PARTIAL PORT",
            _ => "partial port",
        };
    }

    private static string Remarks(Phrase[] phrases, int[] separators) =>
        string.Concat(phrases.Select((p, i) => Render(p) + Terminators[separators[i]]));

    [Property(Arbitrary = [typeof(CustomerProtectionPropertyTests)], MaxTest = 1000)]
    public bool L9_a_tn_gets_lna_d_only_if_a_disconnect_clause_names_it((Phrase[] Phrases, int[] Separators, bool[] Ported, bool Mi) c)
    {
        var ported = AccountTns.Where((_, i) => c.Ported[i]).ToArray();
        if (ported.Length == 0)
        {
            return true;
        }

        var named = c.Phrases.Where(p => p.Kind is "disc" or "disconnect").Select(p => p.Tn).ToHashSet();
        var request = Lsr(MultiLine((Field.Mi, c.Mi ? "A" : string.Empty), (Field.Remarks, Remarks(c.Phrases, c.Separators))), ported);
        var lines = Decide(request, At("2026-03-02T10:00:00-06:00")).Decision switch
        {
            Foc foc => foc.Lines,
            PendingReview pending => pending.Lines,
            _ => [],
        };
        return lines.Where(l => l.Lna == Lna.Disconnect).All(l => named.Contains(l.Tn) && !ported.Contains(l.Tn));
    }

    [Property(Arbitrary = [typeof(CustomerProtectionPropertyTests)], MaxTest = 1000)]
    public bool L8_L9_a_simple_port_is_never_rejected_for_remarks((Phrase[] Phrases, int[] Separators, int DddOffset, string Exp, int Minutes) c)
    {
        var received = At("2026-03-02T00:00:00-08:00") + Duration.FromMinutes(c.Minutes);
        var ddd = received.InZone(DateTimeZoneProviders.Tzdb["America/Los_Angeles"]).Date.PlusDays(c.DddOffset).ToString("yyyy-MM-dd", null);
        var with = Decide(Lsr(With((Field.Ddd, ddd), (Field.Exp, c.Exp), (Field.Remarks, Remarks(c.Phrases, c.Separators)))), received).Decision;
        var without = Decide(Lsr(With((Field.Ddd, ddd), (Field.Exp, c.Exp))), received).Decision;
        return (with, without) switch
        {
            (Foc a, Foc b) => a.DueDate == b.DueDate && a.Lines.SequenceEqual(b.Lines),
            (PendingReview a, PendingReview b) => a == b || (a.RequestedDate == b.RequestedDate && a.Lines.SequenceEqual(b.Lines)),
            (Reject a, Reject b) => a.Errors.Select(e => e.Code).SequenceEqual(b.Errors.Select(e => e.Code)),
            _ => false,
        };
    }

    [Property(Arbitrary = [typeof(CustomerProtectionPropertyTests)], MaxTest = 1000)]
    public bool Review_every_foc_is_a_business_day_not_before_the_reviews_effective_received_date(
        (int RequestedOffset, int SddOffset, int ReviewMinutes, int? GivenOffset, bool Simple, bool Approve) c)
    {
        var zone = DateTimeZoneProviders.Tzdb["America/Denver"];
        var received = new LocalDate(2026, 3, 2);
        var order = new PendingExpedite(received.PlusDays(c.RequestedOffset), Data.Calendar.AddBusinessDays(received, c.SddOffset), c.Simple, zone, Acme);
        var reviewedAt = received.AtStartOfDayInZone(zone).ToInstant() + Duration.FromMinutes(c.ReviewMinutes);
        var policy = new ExpediteReviewPolicy(Data, Options);
        var erd = policy.ReviewErd(order, reviewedAt);
        var given = c.GivenOffset is { } g ? received.PlusDays(g) : (LocalDate?)null;
        var decision = c.Approve ? policy.Approve(order, reviewedAt, given) : policy.Deny(order, reviewedAt);
        if (decision.FocDate is not { } foc)
        {
            // Refused only for a reviewer's date that is no business day or is before the review's ERD.
            return given is { } d && (!Data.Calendar.IsBusinessDay(d) || d < erd);
        }

        return Data.Calendar.IsBusinessDay(foc) && foc >= erd && (c.Approve || foc >= order.StandardDueDate);
    }
}
