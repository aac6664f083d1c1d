using Integra.Gateway.Rules.Model;
using static Integra.Gateway.Rules.Tests.World;

namespace Integra.Gateway.Rules.Tests;

/// <summary>L1–L18 on single requests; all received Monday 2026-03-02 10:00 Pacific unless the test says otherwise.</summary>
public class LsrRuleTests
{
    private static readonly NodaTime.Instant Monday = At("2026-03-02T10:00:00-08:00");

    private static RuleError Single(LsrOutcome outcome)
    {
        var reject = Assert.IsType<Reject>(outcome.Decision);
        return Assert.Single(reject.Errors);
    }

    [Fact]
    public void A_complete_simple_port_gets_foc()
    {
        var foc = Assert.IsType<Foc>(Decide(Lsr(), Monday).Decision);
        Assert.Equal(Date("2026-03-10"), foc.DueDate);
        Assert.Equal([new FocLine("5035550101", Lna.Port)], foc.Lines);
    }

    [Theory]
    [InlineData(Field.Cc)]
    [InlineData(Field.Nnsp)]
    [InlineData(Field.Npdi)]
    [InlineData(Field.Inittel)]
    [InlineData(Field.Zip)]
    [InlineData(Field.Ddd)]
    [InlineData(Field.An)]
    [InlineData(Field.Agauth)]
    public void L1_missing_standard_field_is_rejected_R01_naming_the_column(Field field)
    {
        var error = Single(Decide(Lsr(With((field, ""))), Monday));
        Assert.Equal(("L1", "R01", field.Name()), (error.RuleId, error.Code, error.Field));
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Field.Ccna, "AC")]
    [InlineData(Field.Pon, "pon lower")]
    [InlineData(Field.Pon, "ABCDEFGHIJKLMNOPQ")]
    [InlineData(Field.Ver, "1")]
    [InlineData(Field.Cc, "AC-W")]
    [InlineData(Field.Npdi, "A")]
    [InlineData(Field.Ddd, "03/10/2026")]
    [InlineData(Field.Inittel, "1503555090")]
    [InlineData(Field.Zip, "9720")]
    [InlineData(Field.Tn, "503-555-010")]
    [InlineData(Field.Sup, "4")]
    public void L1_malformed_field_is_rejected_R02(Field field, string value)
    {
        var reject = Assert.IsType<Reject>(Decide(Lsr(With((field, value))), Monday).Decision);
        Assert.Contains(reject.Errors, e => e.Code == "R02" && e.Field == field.Name() && e.RuleId is "L1");
    }

    [Theory]
    [InlineData(Field.DtSent, "yesterday")]
    [InlineData(Field.Dated, "2099-01-01")]
    [InlineData(Field.Exp, "maybe")]
    [InlineData(Field.State, "Oregon")]
    [InlineData(Field.Mi, "Z")]
    public void L1_simple_port_is_never_rejected_for_a_field_outside_the_standard_set(Field field, string value) =>
        Assert.IsType<Foc>(Decide(Lsr(With((field, value))), Monday).Decision);

    [Theory]
    [InlineData(Field.DtSent)]
    [InlineData(Field.Authnm)]
    [InlineData(Field.Dated)]
    public void L1_non_simple_port_needs_dtsent_authnm_dated(Field field)
    {
        var outcome = Decide(Lsr(MultiLine((field, "")), "6125550101", "6125550102"), Monday);
        Assert.False(outcome.Simple);
        var error = Single(outcome);
        Assert.Equal(("R01", field.Name()), (error.Code, error.Field));
    }

    [Fact]
    public void L1_dated_after_the_received_date_is_rejected_for_a_non_simple_port()
    {
        var error = Single(Decide(Lsr(MultiLine((Field.Dated, "2026-03-03")), "6125550101"), Monday));
        Assert.Equal(("R02", "DATED"), (error.Code, error.Field));
    }

    [Fact]
    public void L1_a_tn_listed_twice_is_rejected() =>
        Assert.Equal("R02", Single(Decide(Lsr(MultiLine(), "6125550101", "612-555-0101"), Monday)).Code);

    [Fact]
    public void L1_tn_separators_are_stripped() =>
        Assert.IsType<Foc>(Decide(Lsr(With((Field.Tn, "(503) 555.0101"))), Monday).Decision);

    [Theory]
    [InlineData("N")]
    [InlineData("X")]
    public void L2_agauth_not_y_is_rejected_R10(string agauth)
    {
        var error = Single(Decide(Lsr(With((Field.Agauth, agauth))), Monday));
        Assert.Equal(("L2", "R10", "AGAUTH"), (error.RuleId, error.Code, error.Field));
    }

    [Theory]
    [InlineData("CB", "N", "ACT")]
    [InlineData("BB", "D", "ACT")]
    [InlineData("XX", "V", "REQTYP")]
    [InlineData("AB", "V", "REQTYP")] // loop only: not a port-out
    public void L3_reqtyp_act_not_an_accepted_pair_is_rejected_R51(string reqtyp, string act, string field)
    {
        var error = Single(Decide(Lsr(MultiLine((Field.Reqtyp, reqtyp), (Field.Act, act)), "6125550101"), Monday));
        Assert.Equal(("L3", "R51", field), (error.RuleId, error.Code, error.Field));
        Assert.Contains("CB, or BB with ACT V", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void L3_bb_with_act_v_is_accepted_as_loop_reuse() =>
        Assert.IsType<Foc>(Decide(Lsr(MultiLine((Field.Reqtyp, "BB")), "6125550101"), Monday).Decision);

    [Fact]
    public void L4_tn_not_in_inventory_is_rejected_R20()
    {
        // The account's own TN is then left behind, so L8 speaks too.
        var reject = Assert.IsType<Reject>(Decide(Lsr(With((Field.Tn, "5035559999"))), Monday).Decision);
        Assert.Contains(reject.Errors, e => (e.RuleId, e.Code, e.Tn) == ("L4", "R20", "5035559999"));
    }

    [Fact]
    public void L4_tn_on_another_account_is_rejected_R23()
    {
        var error = Single(Decide(Lsr(MultiLine(), "6125550101", "5035550101"), Monday));
        Assert.Equal(("L4", "R23", "5035550101"), (error.RuleId, error.Code, error.Tn));
    }

    [Fact]
    public void L4_unknown_account_is_rejected_R23_on_AN()
    {
        var reject = Assert.IsType<Reject>(Decide(Lsr(With((Field.An, "NOPE"))), Monday).Decision);
        Assert.Contains(reject.Errors, e => e is { Code: "R23", Field: "AN" });
    }

    [Fact]
    public void L5_tn_not_working_is_rejected_R22()
    {
        var reject = Assert.IsType<Reject>(Decide(Lsr(MultiLine(), "6125550101", "6125550102", "6125550103", "6125550104", "6125550105"), Monday).Decision);
        var error = Assert.Single(reject.Errors);
        Assert.Equal(("L5", "R22", "6125550105"), (error.RuleId, error.Code, error.Tn));
    }

    [Fact]
    public void L6_qwest_spid_is_rejected_R21_with_the_qwest_redirect()
    {
        var error = Single(Decide(Lsr(With((Field.An, "Q-WA"), (Field.Zip, "98101"), (Field.Tn, "2065550101"))), Monday));
        Assert.Equal(("L6", "R21"), (error.RuleId, error.Code));
        Assert.Contains("Qwest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void L7_npac_spid_of_another_carrier_is_rejected_R20()
    {
        var error = Single(Decide(Lsr(With((Field.An, "O-OR"), (Field.Zip, "97305"), (Field.Tn, "5035550701"))), Monday));
        Assert.Equal(("L7", "R20", "5035550701"), (error.RuleId, error.Code, error.Tn));
    }

    [Fact]
    public void L7_a_tn_without_npac_record_is_native_to_integra_and_passes() =>
        Assert.IsType<Foc>(Decide(Lsr(With((Field.An, "N-OR"), (Field.Zip, "97304"), (Field.Tn, "5035550601"))), Monday).Decision);

    [Fact]
    public void L8_partial_port_without_mi_or_partial_is_rejected_R40()
    {
        var error = Single(Decide(Lsr(MultiLine((Field.Mi, "")), "6125550101"), Monday));
        Assert.Equal(("L8", "R40"), (error.RuleId, error.Code));
    }

    [Fact]
    public void L8_partial_declared_in_remarks_gets_foc_with_remaining_tns()
    {
        var foc = Assert.IsType<Foc>(Decide(Lsr(MultiLine((Field.Mi, ""), (Field.Remarks, "Partial port of 2 lines")), "6125550101", "6125550102"), Monday).Decision);
        Assert.Equal(
            [new("6125550101", Lna.Port), new("6125550102", Lna.Port), new("6125550103", Lna.Remains), new("6125550104", Lna.Remains)],
            foc.Lines);
    }

    [Theory]
    [InlineData("NOT A PARTIAL PORT")]
    [InlineData("no partial port here")]
    [InlineData("this is not partial")]
    public void L8_not_a_partial_port_is_not_a_declaration(string remarks)
    {
        var error = Single(Decide(Lsr(MultiLine((Field.Mi, ""), (Field.Remarks, remarks)), "6125550101", "6125550102"), Monday));
        Assert.Equal(("L8", "R40"), (error.RuleId, error.Code));
    }

    [Theory]
    [InlineData("port 612-555-0101 and 612-555-0102 only, keep the rest")]
    [InlineData("PORT these two ONLY")]
    [InlineData("Keep 612-555-0103 and 612-555-0104 with Integra")]
    [InlineData("612-555-0103 remains")]
    [InlineData("partial; customer keeps two lines")]
    public void L8_a_port_only_or_keep_clause_declares_a_partial_port(string remarks)
    {
        var foc = Assert.IsType<Foc>(Decide(Lsr(MultiLine((Field.Mi, ""), (Field.Remarks, remarks)), "6125550101", "6125550102"), Monday).Decision);
        Assert.Equal(["R", "R"], foc.Lines.Where(l => l.Tn is "6125550103" or "6125550104").Select(l => l.Lna == Lna.Remains ? "R" : "?"));
    }

    [Fact]
    public void L8_porting_every_working_tn_needs_no_partial_flag() =>
        Assert.IsType<Foc>(Decide(Lsr(MultiLine((Field.Mi, "")), "6125550101", "6125550102", "6125550103", "6125550104"), Monday).Decision);

    [Fact]
    public void L9_tns_after_disc_are_disconnected_on_the_foc()
    {
        var foc = Assert.IsType<Foc>(Decide(Lsr(MultiLine((Field.Mi, ""), (Field.Remarks, "please DISCONNECT 612-555-0103 and (612) 555-0104")), "6125550101", "6125550102"), Monday).Decision);
        Assert.Equal(
            [new("6125550101", Lna.Port), new("6125550102", Lna.Port), new("6125550103", Lna.Disconnect), new("6125550104", Lna.Disconnect)],
            foc.Lines);
    }

    [Theory]
    [InlineData("DISC 612-555-0103; keep 612-555-0104 with Integra")]
    [InlineData("DISC 612.555.0103. Customer keeps 612.555.0104")]
    [InlineData("DISC 612-555-0103\n612-555-0104 stays")]
    [InlineData("disconnect 6125550103; port nothing else, 6125550104 keep")]
    public void L9_disconnect_clause_ends_at_semicolon(string remarks)
    {
        // Only the TNs inside the disconnect clause are disconnected; 0104, written after it, stays with Integra.
        var foc = Assert.IsType<Foc>(Decide(Lsr(MultiLine((Field.Remarks, remarks)), "6125550101", "6125550102"), Monday).Decision);
        Assert.Equal(
            [new("6125550101", Lna.Port), new("6125550102", Lna.Port), new("6125550103", Lna.Disconnect), new("6125550104", Lna.Remains)],
            foc.Lines);
    }

    [Theory]
    [InlineData("DO NOT DISC 612-555-0104", "")]
    [InlineData("don't disconnect 612-555-0104; no disc 6125550103", "")]
    [InlineData("ported from 612-555-0103; reported 612-555-0104 disconnected", "")]
    [InlineData("DISC 612.555.0103.", "6125550103")]
    [InlineData("DISC 612-555-0103. 612-555-0104 stays", "6125550103")]
    public void L9_only_an_affirmative_disconnect_clause_disconnects(string remarks, string disconnected)
    {
        var foc = Assert.IsType<Foc>(Decide(Lsr(MultiLine((Field.Remarks, remarks)), "6125550101", "6125550102"), Monday).Decision);
        Assert.Equal(disconnected, string.Join(',', foc.Lines.Where(l => l.Lna == Lna.Disconnect).Select(l => l.Tn)));
        Assert.Contains(new FocLine("6125550104", Lna.Remains), foc.Lines);
    }

    [Fact]
    public void L9_a_tn_both_ported_and_in_a_keep_clause_is_rejected_R41()
    {
        var error = Single(Decide(Lsr(MultiLine((Field.Remarks, "KEEP 612-555-0102")), "6125550101", "6125550102"), Monday));
        Assert.Equal(("L9", "R41", "6125550102"), (error.RuleId, error.Code, error.Tn));
    }

    [Theory]
    [InlineData("CANNOT wait: partial port")]
    [InlineData("not the whole account, a partial port")]
    public void L8_partial_not_negated_within_two_words_is_a_declaration(string remarks) =>
        Assert.IsType<Foc>(Decide(Lsr(MultiLine((Field.Mi, ""), (Field.Remarks, remarks)), "6125550101", "6125550102"), Monday).Decision);

    [Fact]
    public void L9_a_tn_in_both_a_disconnect_and_a_keep_clause_is_rejected_R41()
    {
        var error = Single(Decide(Lsr(MultiLine((Field.Remarks, "DISC 612-555-0103; KEEP 612-555-0103")), "6125550101", "6125550102"), Monday));
        Assert.Equal(("L9", "R41", "6125550103"), (error.RuleId, error.Code, error.Tn));
    }

    [Theory]
    [InlineData("DISC 5035559999")]
    [InlineData("DISC 503-555-0101")]
    [InlineData("NOT A PARTIAL PORT; disconnect 6125550101")]
    [InlineData("keep 5035550101; port only 5035550101")]
    public void L8_L9_a_simple_port_is_never_rejected_for_remarks(string remarks)
    {
        var foc = Assert.IsType<Foc>(Decide(Lsr(With((Field.Remarks, remarks))), Monday).Decision);
        Assert.Equal([new FocLine("5035550101", Lna.Port)], foc.Lines);
    }

    [Theory]
    [InlineData("DISC 6125550105")] // not working
    [InlineData("DISC 5035550101")] // another account
    [InlineData("DISC 6125550101")] // also being ported
    public void L9_disconnect_tn_not_a_working_tn_of_the_account_is_rejected_R41(string remarks)
    {
        var reject = Assert.IsType<Reject>(Decide(Lsr(MultiLine((Field.Remarks, remarks)), "6125550101"), Monday).Decision);
        Assert.Contains(reject.Errors, e => e is { RuleId: "L9", Code: "R41" });
    }

    [Fact]
    public void L10_ddd_more_than_30_days_out_is_rejected_R30()
    {
        var error = Single(Decide(Lsr(With((Field.Ddd, "2026-04-02"))), Monday));
        Assert.Equal(("L10", "R30", "DDD"), (error.RuleId, error.Code, error.Field));
    }

    [Fact]
    public void L10_ddd_exactly_30_days_out_on_a_business_day_gets_foc() =>
        Assert.Equal(Date("2026-04-01"), Assert.IsType<Foc>(Decide(Lsr(With((Field.Ddd, "2026-04-01"))), Monday).Decision).DueDate);

    [Fact]
    public void L10_day_30_on_a_saturday_is_accepted_and_moves_to_the_next_business_day()
    {
        // Received Thursday 2026-03-05: day 30 is Saturday 2026-04-04, the next business day Monday 2026-04-06.
        var foc = Assert.IsType<Foc>(Decide(Lsr(With((Field.Ddd, "2026-04-04"))), At("2026-03-05T10:00:00-08:00")).Decision);
        Assert.Equal((Date("2026-04-06"), "L13"), (foc.DueDate, foc.RuleId));
    }

    [Fact]
    public void L10_day_31_on_a_sunday_is_rejected() =>
        Assert.Equal("R30", Single(Decide(Lsr(With((Field.Ddd, "2026-04-05"))), At("2026-03-05T10:00:00-08:00"))).Code);

    [Fact]
    public void L11_ddd_before_standard_interval_with_expedite_is_pending_review_X01()
    {
        var pending = Assert.IsType<PendingReview>(Decide(Lsr(With((Field.Ddd, "2026-03-02"), (Field.Exp, "Y"))), Monday).Decision);
        Assert.Equal((Date("2026-03-02"), Date("2026-03-03")), (pending.RequestedDate, pending.StandardDueDate));
    }

    [Theory]
    [InlineData("X")]
    [InlineData("yes")]
    [InlineData("y")]
    public void L11_any_populated_exp_on_a_simple_port_asks_for_an_expedite(string exp) =>
        Assert.IsType<PendingReview>(Decide(Lsr(With((Field.Ddd, "2026-03-02"), (Field.Exp, exp))), Monday).Decision);

    [Fact]
    public void L11_exp_other_than_y_on_a_non_simple_port_is_rejected_R02()
    {
        var error = Single(Decide(Lsr(MultiLine((Field.Ddd, "2026-03-02"), (Field.Exp, "X")), "6125550101"), Monday));
        Assert.Equal(("R02", "EXP"), (error.Code, error.Field));
    }

    [Fact]
    public void L12_ddd_before_standard_interval_gets_foc_at_interval()
    {
        var foc = Assert.IsType<Foc>(Decide(Lsr(With((Field.Ddd, "2026-03-02"))), Monday).Decision);
        Assert.Equal((Date("2026-03-03"), "L12"), (foc.DueDate, foc.RuleId));
    }

    [Fact]
    public void L12_non_simple_interval_is_four_business_days()
    {
        var foc = Assert.IsType<Foc>(Decide(Lsr(MultiLine((Field.Ddd, "2026-03-03")), "6125550101"), Monday).Decision);
        Assert.Equal(Date("2026-03-06"), foc.DueDate);
    }

    [Fact]
    public void L12_partner_agreement_intervals_override_the_defaults()
    {
        var foc = Assert.IsType<Foc>(Decide(Lsr(With((Field.Ccna, "VIP"), (Field.Ddd, "2026-03-02"))), Monday, partner: Voip).Decision);
        Assert.Equal(Date("2026-03-04"), foc.DueDate);
    }

    [Theory]
    [InlineData("2026-03-07", "2026-03-09")] // Saturday
    [InlineData("2026-03-05", "2026-03-05")]
    [InlineData("2026-11-26", "2026-11-27")] // Thanksgiving
    public void L13_foc_at_ddd_or_the_next_business_day(string ddd, string expected)
    {
        var received = ddd.StartsWith("2026-11", StringComparison.Ordinal) ? At("2026-11-20T10:00:00-08:00") : Monday;
        var foc = Assert.IsType<Foc>(Decide(Lsr(With((Field.Ddd, ddd))), received).Decision);
        Assert.Equal((Date(expected), "L13"), (foc.DueDate, foc.RuleId));
    }

    [Fact]
    public void L14_emailed_request_for_a_non_montana_account_is_rejected_R50()
    {
        var error = Single(Decide(Lsr(), Monday, Channel.Email));
        Assert.Equal(("L14", "R50"), (error.RuleId, error.Code));
    }

    [Fact]
    public void L14_the_accounts_state_wins_over_a_claimed_montana_state() =>
        Assert.Equal("R50", Single(Decide(Lsr(With((Field.State, "MT"))), Monday, Channel.Email)).Code);

    [Fact]
    public void L14_emailed_montana_request_is_accepted() =>
        Assert.IsType<Foc>(Decide(Lsr(SimpleAccounts.Of("S-MT")), Monday, Channel.Email).Decision);

    [Fact]
    public void L14_emailed_requests_before_the_cutover_date_are_accepted_for_any_state() =>
        Assert.IsType<Foc>(Decide(Lsr(With((Field.Ddd, "2011-03-30"))), At("2011-03-28T10:00:00-08:00"), Channel.Email).Decision);

    [Fact]
    public void L15_ccna_not_the_partners_is_rejected_R04()
    {
        var error = Single(Decide(Lsr(With((Field.Ccna, "XYZ"))), Monday));
        Assert.Equal(("L15", "R04", "CCNA"), (error.RuleId, error.Code, error.Field));
    }

    [Fact]
    public void L16_rows_that_disagree_are_rejected_R03()
    {
        var first = FieldValues.Of(MultiLine().Append(new(Field.Tn, "6125550101")).Concat(Base()));
        var second = FieldValues.Of(MultiLine((Field.Ddd, "2026-03-11")).Append(new(Field.Tn, "6125550102")).Concat(Base().Where(kv => kv.Key != Field.Ddd)));
        var builder = new LsrRequestBuilder(2, first);
        builder.Add(3, second);
        var error = Single(Decide(builder.Build(), Monday));
        Assert.Equal(("L16", "R03", "DDD"), (error.RuleId, error.Code, error.Field));
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void L17_zip_not_the_accounts_is_rejected_R24()
    {
        var error = Single(Decide(Lsr(With((Field.Zip, "97299"))), Monday));
        Assert.Equal(("L17", "R24", "ZIP"), (error.RuleId, error.Code, error.Field));
    }

    [Fact]
    public void L17_zip_plus_4_is_accepted_and_compared_on_its_first_5_digits()
    {
        Assert.IsType<Foc>(Decide(Lsr(With((Field.Zip, "97201-1234"))), Monday).Decision);
        Assert.Equal(("L17", "R24"), Single(Decide(Lsr(With((Field.Zip, "97299-1234"))), Monday)) is var e ? (e.RuleId, e.Code) : default);
    }

    [Theory]
    [InlineData("97201-12")]
    [InlineData("972011234")]
    public void L1_a_malformed_zip_plus_4_is_rejected_R02(string zip) =>
        Assert.Equal(("R02", "ZIP"), Single(Decide(Lsr(With((Field.Zip, zip))), Monday)) is var e ? (e.Code, e.Field) : default);

    [Theory]
    [InlineData("")]
    [InlineData("1234")]
    public void L18_missing_or_wrong_passcode_is_rejected_R25_without_revealing_it(string passcode)
    {
        var error = Single(Decide(Lsr(MultiLine((Field.Passcode, passcode)), "6125550101"), Monday));
        Assert.Equal(("L18", "R25", "PASSCODE"), (error.RuleId, error.Code, error.Field));
        Assert.DoesNotContain("7741", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("1234", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void L16_disagreeing_passcodes_are_reported_without_their_values()
    {
        var first = FieldValues.Of(MultiLine().Append(new(Field.Tn, "6125550101")).Concat(Base().Where(kv => kv.Key is not (Field.An or Field.Zip))));
        var second = FieldValues.Of(MultiLine((Field.Passcode, "9999")).Append(new(Field.Tn, "6125550102")).Concat(Base().Where(kv => kv.Key is not (Field.An or Field.Zip))));
        var builder = new LsrRequestBuilder(2, first);
        builder.Add(3, second);
        var error = Assert.Single(builder.Build().AssemblyErrors);
        Assert.DoesNotContain("9999", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("7741", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_errors_of_a_request_are_reported_together()
    {
        var reject = Assert.IsType<Reject>(Decide(Lsr(With((Field.Agauth, "N"), (Field.Zip, "11111"), (Field.Ccna, "XYZ"), (Field.Ddd, "2026-06-01"))), Monday).Decision);
        Assert.Equal(["R04", "R10", "R24", "R30"], reject.Errors.Select(e => e.Code).Order().ToArray());
    }

    private static IEnumerable<KeyValuePair<Field, string>> Base() =>
        Lsr().Fields is var f ? Enum.GetValues<Field>().Where(x => x is not Field.Tn && f[x].Length > 0 && !MultiLine().ContainsKey(x)).Select(x => new KeyValuePair<Field, string>(x, f[x])) : [];
}
