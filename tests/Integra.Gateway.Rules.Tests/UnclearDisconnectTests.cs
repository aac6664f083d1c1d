using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using static Integra.Gateway.Rules.Tests.World;

namespace Integra.Gateway.Rules.Tests;

/// <summary>
/// L9a (SPEC §4, contract v3; issue 24): Integra never disconnects on unclear text. The four-line Minnesota account
/// ports 0101 and 0102 (MI blank unless the test says otherwise), received Monday 2026-03-02 10:00 Pacific; the
/// issue's short forms (0103) stand for the account's numbers 612-555-0103.
/// </summary>
public class UnclearDisconnectTests
{
    private static readonly NodaTime.Instant Monday = At("2026-03-02T10:00:00-08:00");

    private static LsrOutcome DecideRemarks(string remarks, string mi = "") =>
        Decide(Lsr(MultiLine((Field.Mi, mi), (Field.Remarks, remarks)), "6125550101", "6125550102"), Monday);

    /// <summary>One R42 on REMARKS, nothing else, its MESSAGE showing <paramref name="clearForm"/>; 0104 is never disconnected.</summary>
    private static RuleError AssertUnclear(string remarks, string clearForm, string mi = "")
    {
        var reject = Assert.IsType<Reject>(DecideRemarks(remarks, mi).Decision);
        var error = Assert.Single(reject.Errors);
        Assert.Equal(("L9a", "R42", "REMARKS", null), (error.RuleId, error.Code, error.Field, error.Tn));
        Assert.Contains(clearForm, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("6125550104", RemarksClauses.Parse(remarks).Disconnects);
        return error;
    }

    [Fact]
    public void L9a_disc_with_not_is_unclear() =>
        AssertUnclear("DISC 612-555-0103, NOT 612-555-0104", "DISC 612-555-0103; KEEP 612-555-0104");

    [Fact]
    public void L9a_disconnect_leave_active_is_unclear() =>
        AssertUnclear("Disconnect 612-555-0103 leave 612-555-0104 active", "DISC 612-555-0103; KEEP 612-555-0104");

    [Fact]
    public void L9a_disc_with_a_tn_that_stays_with_integra_is_unclear() =>
        AssertUnclear("DISC 612-555-0103, 612-555-0104 stays with Integra", "DISC 612-555-0103; KEEP 612-555-0104");

    [Fact]
    public void L9a_disc_with_a_tn_retained_is_unclear() =>
        AssertUnclear("disc 612-555-0103 & 612-555-0104 retained", "DISC 612-555-0103; KEEP 612-555-0104");

    [Fact]
    public void L9a_disc_and_call_is_unclear_naming_the_stray_word()
    {
        var error = AssertUnclear("DISC 612-555-0103 AND CALL 612-555-0104", "DISC 612-555-0103; KEEP 612-555-0104");
        Assert.Contains("'CALL' stands before 612-555-0104", error.Message, StringComparison.Ordinal);
        Assert.Contains("Integra disconnects nothing on unclear text", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DISC 612-555-0103 except 612-555-0104", "DISC 612-555-0103; KEEP 612-555-0104")]
    [InlineData("DISC 612-555-0103 excluding 612-555-0104", "DISC 612-555-0103; KEEP 612-555-0104")]
    [InlineData("disconnect all but 612-555-0104", "DISC <the numbers to disconnect>; KEEP 612-555-0104")]
    [InlineData("DISC 612-555-0103 but don't disc 612-555-0104", "e.g. DISC 612-555-0103.")]
    [InlineData("DISC 612-555-0103, dont touch 612-555-0104", "DISC 612-555-0103; KEEP 612-555-0104")]
    [InlineData("DISC 612-555-0103 never 612-555-0104", "DISC 612-555-0103; KEEP 612-555-0104")]
    [InlineData("DISC 612-555-0103, 612-555-0104 is kept", "DISC 612-555-0103; KEEP 612-555-0104")]
    [InlineData("DISC 612-555-0103 and 612-555-0104 keeps its service", "DISC 612-555-0103; KEEP 612-555-0104")]
    [InlineData("DISC 612-555-0103, 612-555-0104 remaining", "DISC 612-555-0103; KEEP 612-555-0104")]
    [InlineData("DISC 612-555-0103, 612-555-0104 Staying", "DISC 612-555-0103; KEEP 612-555-0104")]
    [InlineData("DISC 612-555-0103 no 612-555-0104", "DISC 612-555-0103; KEEP 612-555-0104")]
    [InlineData("DISC 612-555-0103 leaves 612-555-0104", "DISC 612-555-0103; KEEP 612-555-0104")]
    [InlineData("DISC 612-555-0103 retaining 612-555-0104", "DISC 612-555-0103; KEEP 612-555-0104")]
    public void L9a_disc_with_a_negation_or_keep_word_is_unclear(string remarks, string clearForm) =>
        // MI=A: some of these name 0103 or 0104 outside the unclear clause only, which L8 would report on its own.
        AssertUnclear(remarks, clearForm, mi: "A");

    [Theory]
    [InlineData("DISC 612-555-0103, 612-555-0104 remains with Integra")]
    [InlineData("DISC 612-555-0103 and 612-555-0104 REMAIN")]
    [InlineData("disc 612-555-0103, 612-555-0104 keep")]
    [InlineData("DISC 612-555-0103 & 612-555-0104 retain with Integra")]
    public void L9a_a_keep_word_written_after_the_tns_of_a_disc_clause_makes_it_unclear(string remarks) =>
        // REMAIN(S), RETAIN and KEEP start a keep clause, which would end the DISC clause before them and disconnect
        // 0104: written right after a TN, with no TN of their own, they can only be about the numbers before them.
        AssertUnclear(remarks, "DISC 612-555-0103; KEEP 612-555-0104");

    [Theory]
    [InlineData("DISC THE FOLLOWING 612-555-0103")]
    [InlineData("DISC 612-555-0103 THEN 612-555-0104")]
    [InlineData("DISC 612-555-0103 AND ALSO CALL 612-555-0104 FIRST")]
    public void L9a_a_tn_after_a_word_that_is_no_connector_is_unclear(string remarks)
    {
        var reject = Assert.IsType<Reject>(DecideRemarks(remarks).Decision);
        Assert.Contains(reject.Errors, e => e is { RuleId: "L9a", Code: "R42", Field: "REMARKS" });
        Assert.Empty(RemarksClauses.Parse(remarks).Disconnects);
    }

    [Theory]
    [InlineData("DISC 612-555-0103; KEEP 612-555-0104", "6125550103", "6125550104")]
    [InlineData("DISC 612-555-0103 AND 612-555-0104", "6125550103,6125550104", "")]
    [InlineData("DISC 612-555-0103, 612-555-0104 PLEASE", "6125550103,6125550104", "")]
    [InlineData("DISC 612.555.0103. KEEP 612.555.0104", "6125550103", "6125550104")]
    [InlineData("DISC 612-555-0103; keep 612-555-0104 with Integra", "6125550103", "6125550104")]
    [InlineData("DISC 612-555-0103 KEEP 612-555-0104", "6125550103", "6125550104")]
    [InlineData("DISC 612-555-0103 RETAIN 612-555-0104", "6125550103", "6125550104")]
    [InlineData("DISC 612-555-0103; 612-555-0104 remains", "6125550103", "6125550104")]
    [InlineData("please DISCONNECT TNS 612-555-0103 / (612) 555-0104 too", "6125550103,6125550104", "")]
    [InlineData("disc: 612.555.0103, also line 612 555 0104", "6125550103,6125550104", "")]
    [InlineData("DISC NUMBER 612-555-0103 & 612-555-0104 ASAP", "6125550103,6125550104", "")]
    [InlineData("DISC 612-555-0103, keep the rest", "6125550103", "6125550104")]
    [InlineData("DO NOT DISC 612-555-0104; DISC 612-555-0103", "6125550103", "6125550104")]
    public void L9a_clear_forms_are_accepted_as_before(string remarks, string disconnected, string remaining)
    {
        var foc = Assert.IsType<Foc>(DecideRemarks(remarks, mi: remaining.Length == 0 ? string.Empty : "A").Decision);
        Assert.Equal(disconnected, string.Join(',', foc.Lines.Where(l => l.Lna == Lna.Disconnect).Select(l => l.Tn)));
        Assert.Equal(remaining, string.Join(',', foc.Lines.Where(l => l.Lna == Lna.Remains).Select(l => l.Tn)));
    }

    [Fact]
    public void L9a_the_v2_readme_example_keeps_outside_any_clause_so_it_is_clear_but_declares_no_partial_port_R40()
    {
        // "keeps" is no clause word: the DISC clause ends at ". " and is clear; 0104 is left without a word (R40).
        var reject = Assert.IsType<Reject>(DecideRemarks("DISC 612.555.0103. Customer keeps 612.555.0104").Decision);
        Assert.Equal(("L8", "R40"), (Assert.Single(reject.Errors).RuleId, reject.Errors[0].Code));
    }

    /// <summary>The rows of the README's REMARKS table: the REMARKS written, and the answer the README gives.</summary>
    public static TheoryData<string, string> ReadmeExamples()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Integra.Gateway.sln")))
        {
            dir = dir.Parent;
        }

        var lines = File.ReadAllLines(Path.Combine(dir!.FullName, "README.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| REMARKS (ports 0101 and 0102 of a four-line account, MI blank) |", StringComparison.Ordinal));
        var rows = new TheoryData<string, string>();
        foreach (var line in lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = line.Trim('|', ' ').Split(" | ");
            rows.Add(cells[0].Trim('`'), cells[1]);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(ReadmeExamples))]
    public void L9a_the_readme_remarks_examples_answer_as_the_readme_says(string remarks, string answer)
    {
        var decision = DecideRemarks(remarks).Decision;
        if (answer.StartsWith("REJ ", StringComparison.Ordinal))
        {
            var error = Assert.Single(Assert.IsType<Reject>(decision).Errors);
            Assert.Equal(answer[4..7], error.Code);
            if (answer.Split("MESSAGE shows `") is [_, var shown])
            {
                Assert.Contains(shown[..shown.IndexOf('`', StringComparison.Ordinal)], error.Message, StringComparison.Ordinal);
            }

            return;
        }

        var lines = Assert.IsType<Foc>(decision).Lines.Select(l => $"{l.Tn[6..]} {(l.Lna == Lna.Port ? "P" : l.Lna == Lna.Disconnect ? "D" : "R")}");
        Assert.Equal(answer, string.Join(", ", lines));
    }

    [Fact]
    public void L9a_the_readme_table_is_found() => Assert.True(ReadmeExamples().Count >= 8);

    [Theory]
    [InlineData("DISC 0103 AND 0104")]
    [InlineData("DISC 0103, 0104 PLEASE")]
    public void L9a_short_forms_are_no_tns_so_they_disconnect_nothing_as_before(string remarks)
    {
        // A TN in REMARKS is a 10-digit NANP number (SPEC 2.1); 0103 alone names no number, so nothing is disconnected.
        var foc = Assert.IsType<Foc>(DecideRemarks(remarks, mi: "A").Decision);
        Assert.DoesNotContain(foc.Lines, l => l.Lna == Lna.Disconnect);
        Assert.Empty(RemarksClauses.Parse(remarks).Unclear);
    }

    [Fact]
    public void L9a_tns_of_an_unclear_clause_are_not_reported_again_by_L8_but_an_unnamed_tn_is()
    {
        // Ports 0101 only: 0102 and 0103 are in the unclear clause, 0104 is named nowhere.
        var request = Lsr(MultiLine((Field.Mi, string.Empty), (Field.Remarks, "DISC 612-555-0102, NOT 612-555-0103")), "6125550101");
        var reject = Assert.IsType<Reject>(Decide(request, Monday).Decision);
        Assert.Equal(["L9a", "L8"], reject.Errors.Select(e => e.RuleId));
        var l8 = reject.Errors.Single(e => e.RuleId == "L8");
        Assert.Contains("6125550104", l8.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("6125550103", l8.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void L9a_a_ported_tn_in_an_unclear_clause_gets_no_L9_error_of_its_own()
    {
        var reject = Assert.IsType<Reject>(DecideRemarks("DISC 612-555-0101, NOT 612-555-0104", mi: "A").Decision);
        Assert.Equal("L9a", Assert.Single(reject.Errors).RuleId);
    }

    [Fact]
    public void L9a_each_unclear_clause_is_one_error_and_a_clear_one_beside_it_still_reads()
    {
        var remarks = "DISC 612-555-0103 not 612-555-0104; port 612-555-0101 only. disconnect 612-555-0104 stays";
        var reject = Assert.IsType<Reject>(DecideRemarks(remarks).Decision);
        Assert.Equal(["L9a", "L9a"], reject.Errors.Select(e => e.RuleId));
        Assert.Empty(RemarksClauses.Parse(remarks).Disconnects);
        Assert.Equal(["6125550102"], RemarksClauses.Parse("DISC 612-555-0103, NOT 612-555-0104; DISC 612-555-0102").Disconnects);
    }

    [Fact]
    public void L9a_applies_with_a_partial_port_declared_too() =>
        Assert.Equal(["R42"], Codes(DecideRemarks("DISC 612-555-0103, NOT 612-555-0104", mi: "A")));

    [Theory]
    [InlineData("DISC 503-555-0101, NOT 503-555-0102")]
    [InlineData("Disconnect 5035550199 leave 5035550101 active")]
    [InlineData("DISC 503-555-0101 AND CALL 503-555-0900")]
    public void L9a_a_simple_port_is_never_rejected_for_unclear_remarks(string remarks)
    {
        var foc = Assert.IsType<Foc>(Decide(Lsr(With((Field.Remarks, remarks))), Monday).Decision);
        Assert.Equal([new FocLine("5035550101", Lna.Port)], foc.Lines);
    }
}
