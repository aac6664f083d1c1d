using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Integra.Gateway.Rules.Model;
using static Integra.Gateway.Rules.Tests.World;

namespace Integra.Gateway.Rules.Tests;

/// <summary>
/// L9a over generated disconnect clauses: <c>DISC</c> followed by the account's TNs (in the TN formats of SPEC 2.1),
/// connectors, negation or keep words, and other words. The four-line Minnesota account ports 0101 with MI=A, so the
/// clause is the only thing that can make the request fail.
/// </summary>
public class UnclearDisconnectPropertyTests
{
    private static readonly string[] ClauseTns = ["6125550102", "6125550103", "6125550104"];
    private static readonly string[] Connectors = [",", "AND", "and", "&", "/", "ALSO", "too", "PLEASE", "TN", "TNS", "number", "NUMBERS", "LINE", "lines"];
    private static readonly string[] NegationOrKeep =
        ["NOT", "no", "don't", "DONT", "never", "EXCEPT", "excluding", "but", "leave", "LEAVES", "keeps", "kept", "active", "retained", "Remaining", "stays", "STAY"];

    private static readonly string[] OtherWords = ["call", "THE", "then", "asap", "for", "customer"];

    /// <summary>One item of the clause after DISC: a TN (in one of four formats) or a word of one of three kinds.</summary>
    public sealed record Item(string Kind, string Text);

    /// <summary>The items after DISC, in order.</summary>
    public sealed record Clause(Item[] Items)
    {
        public string Remarks => "DISC " + string.Join(' ', Items.Select(i => i.Text));

        public override string ToString() => Remarks;
    }

    private static readonly Gen<Item> Items =
        Gen.OneOf(
            from tn in Gen.Elements(ClauseTns)
            from format in Gen.Choose(0, 3)
            select new Item("tn:" + tn, Render(tn, format)),
            Gen.Elements(Connectors).Select(w => new Item("connector", w)),
            Gen.Elements(NegationOrKeep).Select(w => new Item("negation", w)),
            Gen.Elements(OtherWords).Select(w => new Item("other", w)));

    public static Arbitrary<Clause> Clauses() =>
        (from n in Gen.Choose(0, 7)
         from items in Gen.ArrayOf(Items, n)
         select new Clause(items)).ToArbitrary();

    private static string Render(string tn, int format) => format switch
    {
        0 => tn,
        1 => $"{tn[..3]}-{tn[3..6]}-{tn[6..]}",
        2 => $"({tn[..3]}) {tn[3..6]}-{tn[6..]}",
        _ => $"{tn[..3]}.{tn[3..6]}.{tn[6..]}",
    };

    private static LsrDecision DecideClause(Clause c) =>
        Decide(Lsr(MultiLine((Field.Mi, "A"), (Field.Remarks, c.Remarks)), "6125550101"), At("2026-03-02T10:00:00-06:00")).Decision;

    private static IEnumerable<FocLine> Lines(LsrDecision decision) => decision switch
    {
        Foc foc => foc.Lines,
        PendingReview pending => pending.Lines,
        _ => [],
    };

    [Property(Arbitrary = [typeof(UnclearDisconnectPropertyTests)], MaxTest = 1000)]
    public bool L9a_a_tn_after_a_negation_or_keep_word_in_a_disc_clause_is_never_given_lna_d(Clause c)
    {
        var afterNegation = c.Items
            .SkipWhile(i => i.Kind != "negation")
            .Where(i => i.Kind.StartsWith("tn:", StringComparison.Ordinal))
            .Select(i => i.Kind[3..])
            .ToHashSet();
        return !Lines(DecideClause(c)).Any(l => l.Lna == Lna.Disconnect && afterNegation.Contains(l.Tn));
    }

    [Property(Arbitrary = [typeof(UnclearDisconnectPropertyTests)], MaxTest = 1000)]
    public bool L9a_a_disc_clause_disconnects_its_tns_exactly_when_only_connectors_stand_among_them_and_no_negation(Clause c)
    {
        var unclear = c.Items.Any(i => i.Kind == "negation")
            || c.Items.SkipWhile(i => i.Kind is not ("negation" or "other")).Any(i => i.Kind.StartsWith("tn:", StringComparison.Ordinal));
        var decision = DecideClause(c);
        if (unclear)
        {
            // Refused with one R42 on REMARKS, and nothing disconnected.
            return decision is Reject { Errors: [{ RuleId: "L9a", Code: "R42", Field: "REMARKS" }] };
        }

        var named = c.Items.Where(i => i.Kind.StartsWith("tn:", StringComparison.Ordinal)).Select(i => i.Kind[3..]).ToHashSet();
        var lines = Lines(decision).ToList();
        return decision is Foc
            && lines.Where(l => l.Lna == Lna.Disconnect).Select(l => l.Tn).ToHashSet().SetEquals(named)
            && lines.Where(l => l.Lna == Lna.Remains).All(l => !named.Contains(l.Tn));
    }
}
