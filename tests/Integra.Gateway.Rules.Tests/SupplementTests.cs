using Integra.Gateway.Rules.Model;
using NodaTime;
using static Integra.Gateway.Rules.Tests.World;

namespace Integra.Gateway.Rules.Tests;

/// <summary>S1–S9 against a PON's history.</summary>
public class SupplementTests
{
    private static readonly Instant Monday = At("2026-03-02T10:00:00-08:00");
    private static readonly DateTimeZone Pacific = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    /// <summary>An S-OR simple port at FOC, its one TN open.</summary>
    private static OrderHistory Focd(string focDate = "2026-03-10", int dueDateSups = 0, OrderState state = OrderState.Foc, string? acceptedDdd = null) =>
        new(state, null, "00", Date(focDate), Date(acceptedDdd ?? focDate), dueDateSups, [new OrderTn("5035550101", Lna.Port, false)], Pacific);

    /// <summary>The M-MN non-simple order: two ported TNs (the first one activated when asked), one disconnect, one remaining.</summary>
    private static OrderHistory MultiLineFocd(bool firstActivated, string focDate = "2026-03-10", OrderState state = OrderState.Foc) =>
        new(
            state,
            null, "00",
            Date(focDate),
            Date(focDate),
            0,
            [
                new OrderTn("6125550101", Lna.Port, firstActivated),
                new OrderTn("6125550102", Lna.Port, false),
                new OrderTn("6125550103", Lna.Disconnect, false),
                new OrderTn("6125550104", Lna.Remains, false),
            ],
            DateTimeZoneProviders.Tzdb["America/Chicago"]);

    private static LsrRequest Sup(string sup, string ver = "01", string ddd = "2026-03-10") =>
        Lsr(With((Field.Sup, sup), (Field.Ver, ver), (Field.Ddd, ddd)));

    private static LsrRequest MultiLineSup(string sup, string ddd, params string[] tns) =>
        Lsr(MultiLine((Field.Sup, sup), (Field.Ver, "01"), (Field.Ddd, ddd)), tns);

    [Fact]
    public void S1_sup_without_a_prior_version_is_rejected_R60()
    {
        var reject = Assert.IsType<Reject>(Decide(Sup("2"), Monday).Decision);
        Assert.Contains(reject.Errors, e => e is { RuleId: "S1", Code: "R60" });
    }

    [Theory]
    [InlineData(OrderState.Canceled)]
    [InlineData(OrderState.Expired)]
    [InlineData(OrderState.Complete)]
    [InlineData(OrderState.Closed)]
    public void S2_supplement_to_a_closed_order_is_rejected_R62(OrderState state)
    {
        var reject = Assert.IsType<Reject>(Decide(Sup("2"), Monday, history: Focd(state: state)).Decision);
        Assert.Equal(("S2", "R62"), (reject.Errors[0].RuleId, reject.Errors[0].Code));
        Assert.Null(reject.Closure);
    }

    [Theory]
    [InlineData("1", "")]
    [InlineData("2", "2026-03-20")]
    [InlineData("3", "2026-03-04")]
    public void S2_an_overdue_order_expires_when_a_supplement_arrives_before_the_sweep(string sup, string ddd)
    {
        // FOC Wednesday 2026-03-04; the last port day is FOC + 4 business days, Tuesday 2026-03-10.
        var history = MultiLineFocd(firstActivated: true, focDate: "2026-03-04");
        var outcome = Decide(MultiLineSup(sup, ddd, "6125550101", "6125550102"), At("2026-03-11T08:00:00-06:00"), history: history);
        var reject = Assert.IsType<Reject>(outcome.Decision);
        Assert.Equal(("S2", "R62"), (reject.Errors[0].RuleId, reject.Errors[0].Code));
        var closure = Assert.IsType<OrderClosure>(reject.Closure);
        Assert.Equal((OrderState.Expired, "E01"), (closure.State, closure.CanCode));
        Assert.Equal(["6125550102", "6125550103"], closure.Withdrawn.Cancels);
        Assert.Equal(["6125550102"], closure.Withdrawn.NpacCancels);
    }

    [Fact]
    public void S2_a_supplement_on_the_last_port_day_is_still_decided()
    {
        var history = MultiLineFocd(firstActivated: false, focDate: "2026-03-04");
        var outcome = Decide(MultiLineSup("2", "2026-03-20", "6125550101", "6125550102"), At("2026-03-10T16:00:00-06:00"), history: history);
        Assert.IsType<Foc>(outcome.Decision);
    }

    [Fact]
    public void S2_an_order_whose_ported_tns_are_all_activated_is_complete_and_cancels_nothing()
    {
        var history = Focd() with { Tns = [new OrderTn("5035550101", Lna.Port, true)] };
        var reject = Assert.IsType<Reject>(Decide(Sup("1", ddd: ""), Monday, history: history).Decision);
        Assert.Equal("R62", reject.Errors[0].Code);
        Assert.Equal(new OrderClosure(OrderState.Complete, null, Rules.Policy.Withdrawal.Nothing), reject.Closure);
    }

    [Fact]
    public void S3_sup_1_cancels_the_order_C01_without_needing_a_ddd()
    {
        var cancel = Assert.IsType<Cancel>(Decide(Sup("1", ddd: ""), Monday, history: Focd()).Decision);
        Assert.Equal(("C01", "S3"), (cancel.Code, cancel.RuleId));
        Assert.Equal(["5035550101"], cancel.Tns);
    }

    [Fact]
    public void S3_sup_1_withdraws_the_disconnects_and_never_cancels_an_activated_tn()
    {
        var cancel = Assert.IsType<Cancel>(Decide(MultiLineSup("1", "", "6125550101", "6125550102"), Monday, history: MultiLineFocd(firstActivated: true)).Decision);
        Assert.Equal(["6125550102", "6125550103"], cancel.Tns);
    }

    [Fact]
    public void S3_a_cancel_needs_the_end_users_passcode_like_any_version()
    {
        var request = Lsr(MultiLine((Field.Sup, "1"), (Field.Ver, "01"), (Field.Ddd, ""), (Field.Passcode, "0000")), "6125550101", "6125550102");
        var reject = Assert.IsType<Reject>(Decide(request, Monday, history: MultiLineFocd(firstActivated: false)).Decision);
        Assert.Equal(["R25"], reject.Errors.Select(e => e.Code));
    }

    [Fact]
    public void L14_emailed_sup_1_for_an_oregon_account_is_rejected_R50()
    {
        var reject = Assert.IsType<Reject>(Decide(Sup("1", ddd: ""), Monday, Channel.Email, history: Focd()).Decision);
        Assert.Equal(("L14", "R50"), (reject.Errors[0].RuleId, reject.Errors[0].Code));
        Assert.Null(reject.Closure);
    }

    [Fact]
    public void S4_supplement_keeping_the_established_date_with_2_business_days_notice_keeps_it()
    {
        // Non-simple M-MN, SUP 3 received Monday 2026-03-02 (Central, before 15:00): ERD Monday, SDD Friday
        // 2026-03-06. The established FOC Thursday 2026-03-05 (an approved expedite) is earlier than that SDD, so
        // L12 alone would move it to Friday: only S4 keeps Thursday.
        var history = MultiLineFocd(firstActivated: false, focDate: "2026-03-05");
        var outcome = Decide(MultiLineSup("3", "2026-03-05", "6125550101", "6125550102"), Monday, history: history);
        var foc = Assert.IsType<Foc>(outcome.Decision);
        Assert.Equal(Date("2026-03-06"), outcome.StandardDueDate);
        Assert.Equal((Date("2026-03-05"), "S4"), (foc.DueDate, foc.RuleId));
        Assert.False(outcome.NewDueDateSupplement);
    }

    [Fact]
    public void S4_an_order_waiting_for_review_has_no_established_date_to_keep()
    {
        var pending = MultiLineFocd(firstActivated: false, focDate: "2026-03-05", state: OrderState.PendingReview);
        var foc = Assert.IsType<Foc>(Decide(MultiLineSup("3", "2026-03-05", "6125550101", "6125550102"), Monday, history: pending).Decision);
        Assert.Equal((Date("2026-03-06"), "L12"), (foc.DueDate, foc.RuleId));
    }

    [Fact]
    public void S5_orders_decided_before_v2_count_every_sup_2_as_v1_did()
    {
        var legacy = Focd(dueDateSups: 3) with { AcceptedDdd = null };
        Assert.IsType<Foc>(Decide(Sup("3", ver: "04", ddd: "2026-03-12"), Monday, history: legacy).Decision);
        Assert.Equal("R61", Assert.IsType<Reject>(Decide(Sup("2", ver: "04", ddd: "2026-03-12"), Monday, history: legacy).Decision).Errors[0].Code);
    }

    [Fact]
    public void S4_a_supplement_that_asks_a_new_date_is_decided_on_it()
    {
        var history = MultiLineFocd(firstActivated: false, focDate: "2026-03-05");
        var foc = Assert.IsType<Foc>(Decide(MultiLineSup("3", "2026-03-04", "6125550101", "6125550102"), Monday, history: history).Decision);
        Assert.Equal((Date("2026-03-06"), "L12"), (foc.DueDate, foc.RuleId));
    }

    [Fact]
    public void S4_with_less_than_2_business_days_notice_the_interval_applies()
    {
        // FOC Tuesday 2026-03-03, supplement Monday after cutoff: ERD Tuesday, 0 business days notice.
        var foc = Assert.IsType<Foc>(Decide(Sup("3", ddd: "2026-03-03"), At("2026-03-02T14:00:00-08:00"), history: Focd("2026-03-03")).Decision);
        Assert.Equal((Date("2026-03-04"), "L12"), (foc.DueDate, foc.RuleId));
    }

    [Fact]
    public void S5_more_due_date_supplements_than_the_limit_close_the_order_R61_and_withdraw_its_tns()
    {
        var outcome = Decide(MultiLineSup("2", "2026-03-20", "6125550101", "6125550102"), Monday, history: MultiLineFocd(firstActivated: true) with { DueDateSupplements = 3 });
        var reject = Assert.IsType<Reject>(outcome.Decision);
        Assert.Equal(("S5", "R61"), (reject.Errors[0].RuleId, reject.Errors[0].Code));
        var closure = Assert.IsType<OrderClosure>(reject.Closure);
        Assert.Equal((OrderState.Closed, "R61"), (closure.State, closure.CanCode));
        Assert.Equal(["6125550102", "6125550103"], closure.Withdrawn.Cancels);
        Assert.Equal(["6125550102"], closure.Withdrawn.NpacCancels);
    }

    [Fact]
    public void S5_a_sup_3_that_changes_the_date_counts()
    {
        var reject = Assert.IsType<Reject>(Decide(Sup("3", ver: "04", ddd: "2026-03-12"), Monday, history: Focd(dueDateSups: 3)).Decision);
        Assert.Equal("R61", reject.Errors[0].Code);
    }

    [Fact]
    public void S5_a_supplement_that_keeps_the_date_does_not_count()
    {
        var outcome = Decide(Sup("2", ver: "04", ddd: "2026-03-10"), Monday, history: Focd(dueDateSups: 3));
        Assert.IsType<Foc>(outcome.Decision);
        Assert.False(outcome.NewDueDateSupplement);
    }

    [Fact]
    public void S5_rejected_supplements_do_not_count()
    {
        var request = Lsr(With((Field.Sup, "2"), (Field.Ver, "04"), (Field.Ddd, "2026-03-12"), (Field.Agauth, "N")));
        var outcome = Decide(request, Monday, history: Focd(dueDateSups: 3));
        var reject = Assert.IsType<Reject>(outcome.Decision);
        Assert.Equal(["R10"], reject.Errors.Select(e => e.Code));
        Assert.Null(reject.Closure);
        Assert.False(outcome.NewDueDateSupplement);
    }

    [Fact]
    public void S5_up_to_the_limit_due_date_supplements_are_processed_and_counted()
    {
        var outcome = Decide(Sup("2", ver: "03", ddd: "2026-03-12"), Monday, history: Focd(dueDateSups: 2));
        Assert.IsType<Foc>(outcome.Decision);
        Assert.True(outcome.NewDueDateSupplement);
    }

    [Fact]
    public void S5_the_limit_is_configurable()
    {
        var options = Options with { MaxDueDateSupplements = 1 };
        var reject = Assert.IsType<Reject>(Decide(Sup("2", ver: "02", ddd: "2026-03-12"), Monday, history: Focd(dueDateSups: 1), options: options).Decision);
        Assert.Equal(("S5", "R61"), (reject.Errors[0].RuleId, reject.Errors[0].Code));
        Assert.Equal((OrderState.Closed, "R61"), (reject.Closure!.State, reject.Closure.CanCode));
        Assert.Equal(["5035550101"], reject.Closure.Withdrawn.NpacCancels);

        Assert.IsType<Foc>(Decide(Sup("2", ver: "02", ddd: "2026-03-12"), Monday, history: Focd(dueDateSups: 0), options: options).Decision);
    }

    [Fact]
    public void S6_other_supplement_is_evaluated_like_a_new_request_from_its_own_received_time()
    {
        var foc = Assert.IsType<Foc>(Decide(Sup("2", ddd: "2026-03-03"), At("2026-03-05T10:00:00-08:00"), history: Focd()).Decision);
        Assert.Equal((Date("2026-03-06"), "L12"), (foc.DueDate, foc.RuleId));
    }

    [Fact]
    public void S6_supplement_never_reopens_an_activated_tn()
    {
        // 6125550101 is already ported; the SUP 2 lists only 6125550102. The activated TN stays ported (never R,
        // never D), so nothing later can cancel it.
        var outcome = Decide(MultiLineSup("2", "2026-03-12", "6125550102"), Monday, history: MultiLineFocd(firstActivated: true));
        var foc = Assert.IsType<Foc>(outcome.Decision);
        Assert.Contains(new FocLine("6125550101", Lna.Port), foc.Lines);
        Assert.DoesNotContain(foc.Lines, l => l.Tn == "6125550101" && l.Lna != Lna.Port);
    }

    [Fact]
    public void S6_an_activated_tn_is_not_checked_against_npac_again()
    {
        // After the port NPAC shows the new provider's SPID; that is no reason to reject a supplement.
        var history = new OrderHistory(OrderState.Foc, null, "00", Date("2026-03-10"), Date("2026-03-10"), 0, [new OrderTn("5035550701", Lna.Port, true), new OrderTn("5035550702", Lna.Port, false)], Pacific);
        var request = Lsr(With((Field.An, "O-OR"), (Field.Zip, "97305"), (Field.Sup, "3"), (Field.Ver, "01"), (Field.Remarks, "new contact")), "5035550701");
        Assert.IsType<Foc>(Decide(request, Monday, history: history).Decision);
    }

    [Fact]
    public void S7_same_version_with_identical_content_is_resent()
    {
        // The hash a resend is recognised by is of the request's canonical content: row order does not matter.
        var sent = Lsr(MultiLine(), "6125550101", "6125550102");
        var resent = Lsr(MultiLine(), "6125550102", "6125550101");
        Assert.Equal(sent.CanonicalContent(), resent.CanonicalContent());
        var history = Focd() with { SameVersionHash = sent.CanonicalContent() };
        Assert.IsType<Resend>(Decide(resent, Monday, history: history, hash: resent.CanonicalContent()).Decision);
        var changed = Lsr(MultiLine((Field.Ddd, "2026-03-11")), "6125550101", "6125550102");
        Assert.IsType<Reject>(Decide(changed, Monday, history: history, hash: changed.CanonicalContent()).Decision);
    }

    [Fact]
    public void S8_same_version_with_different_content_is_rejected_R70()
    {
        var reject = Assert.IsType<Reject>(Decide(Lsr(), Monday, history: Focd() with { SameVersionHash = "h0" }, hash: "other").Decision);
        Assert.Equal(("S8", "R70"), (reject.Errors[0].RuleId, reject.Errors[0].Code));
    }

    [Fact]
    public void S8_lower_version_is_rejected_R70()
    {
        var history = Focd() with { LatestVer = "02" };
        var reject = Assert.IsType<Reject>(Decide(Sup("2", ver: "01"), Monday, history: history).Decision);
        Assert.Equal("R70", reject.Errors[0].Code);
    }

    [Fact]
    public void S9_new_version_after_a_reject_is_evaluated_as_a_new_request()
    {
        var rejected = new OrderHistory(OrderState.Rejected, null, "00", null, null, 0, [], Pacific);
        Assert.IsType<Foc>(Decide(Lsr(With((Field.Ver, "01"))), Monday, history: rejected).Decision);
        Assert.IsType<Foc>(Decide(Sup("3"), Monday, history: rejected).Decision);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public void S9_after_a_reject_sup_must_be_blank_or_3(string sup)
    {
        var rejected = new OrderHistory(OrderState.Rejected, null, "00", null, null, 0, [], Pacific);
        var reject = Assert.IsType<Reject>(Decide(Sup(sup), Monday, history: rejected).Decision);
        Assert.Contains(reject.Errors, e => e is { RuleId: "S9", Field: "SUP" });
    }

    [Fact]
    public void A_higher_version_of_an_open_order_needs_a_sup_type()
    {
        var reject = Assert.IsType<Reject>(Decide(Lsr(With((Field.Ver, "01"))), Monday, history: Focd()).Decision);
        Assert.Contains(reject.Errors, e => e is { Code: "R01", Field: "SUP" });
    }
}
