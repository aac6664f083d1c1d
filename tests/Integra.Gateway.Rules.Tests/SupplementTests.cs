using Integra.Gateway.Rules.Model;
using static Integra.Gateway.Rules.Tests.World;

namespace Integra.Gateway.Rules.Tests;

/// <summary>S1–S9 against a PON's history.</summary>
public class SupplementTests
{
    private static readonly NodaTime.Instant Monday = At("2026-03-02T10:00:00-08:00");

    /// <summary>A PON at FOC with VER 00 (hash h0) on file; <paramref name="sameVersionHash"/> when the request is VER 00 again.</summary>
    private static OrderHistory Focd(string focDate = "2026-03-10", int dueDateSups = 0, OrderState state = OrderState.Foc, string? sameVersionHash = null) =>
        new(state, sameVersionHash, "00", Date(focDate), dueDateSups, ["5035550101"]);

    private static LsrRequest Sup(string sup, string ver = "01", string ddd = "2026-03-10") =>
        Lsr(With((Field.Sup, sup), (Field.Ver, ver), (Field.Ddd, ddd)));

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
    }

    [Fact]
    public void S3_sup_1_cancels_the_order_C01_without_needing_a_ddd()
    {
        var cancel = Assert.IsType<Cancel>(Decide(Sup("1", ddd: ""), Monday, history: Focd()).Decision);
        Assert.Equal(("C01", "S3"), (cancel.Code, cancel.RuleId));
        Assert.Equal(["5035550101"], cancel.Tns);
    }

    [Fact]
    public void S4_supplement_keeping_the_established_date_with_2_business_days_notice_keeps_it()
    {
        // FOC 2026-03-04 (Wed); supplement received Monday 2026-03-02: ERD Mon, 2 business days before.
        var foc = Assert.IsType<Foc>(Decide(Sup("3", ddd: "2026-03-04"), Monday, history: Focd("2026-03-04")).Decision);
        Assert.Equal((Date("2026-03-04"), "S4"), (foc.DueDate, foc.RuleId));
    }

    [Fact]
    public void S4_with_less_than_2_business_days_notice_the_interval_applies()
    {
        // FOC Tuesday 2026-03-03, supplement Monday after cutoff: ERD Tuesday, 0 business days notice.
        var foc = Assert.IsType<Foc>(Decide(Sup("3", ddd: "2026-03-03"), At("2026-03-02T14:00:00-08:00"), history: Focd("2026-03-03")).Decision);
        Assert.Equal((Date("2026-03-04"), "L12"), (foc.DueDate, foc.RuleId));
    }

    [Fact]
    public void S5_more_due_date_supplements_than_the_limit_close_the_order_R61()
    {
        var reject = Assert.IsType<Reject>(Decide(Sup("2", ver: "04"), Monday, history: Focd(dueDateSups: 3)).Decision);
        Assert.True(reject.ClosesOrder);
        Assert.Equal(("S5", "R61"), (reject.Errors[0].RuleId, reject.Errors[0].Code));
    }

    [Fact]
    public void S5_up_to_the_limit_due_date_supplements_are_processed() =>
        Assert.IsType<Foc>(Decide(Sup("2", ver: "03", ddd: "2026-03-12"), Monday, history: Focd(dueDateSups: 2)).Decision);

    [Fact]
    public void S5_the_limit_is_configurable() =>
        Assert.IsType<Reject>(Decide(Sup("2", ver: "02"), Monday, history: Focd(dueDateSups: 1), options: Options with { MaxDueDateSupplements = 1 }).Decision);

    [Fact]
    public void S6_other_supplement_is_evaluated_like_a_new_request_from_its_own_received_time()
    {
        var foc = Assert.IsType<Foc>(Decide(Sup("2", ddd: "2026-03-03"), At("2026-03-05T10:00:00-08:00"), history: Focd()).Decision);
        Assert.Equal((Date("2026-03-06"), "L12"), (foc.DueDate, foc.RuleId));
    }

    [Fact]
    public void S7_same_version_with_identical_content_is_resent() =>
        Assert.IsType<Resend>(Decide(Lsr(), Monday, history: Focd(sameVersionHash: "h0"), hash: "h0").Decision);

    [Fact]
    public void S8_same_version_with_different_content_is_rejected_R70()
    {
        var reject = Assert.IsType<Reject>(Decide(Lsr(), Monday, history: Focd(sameVersionHash: "h0"), hash: "other").Decision);
        Assert.Equal(("S8", "R70"), (reject.Errors[0].RuleId, reject.Errors[0].Code));
    }

    [Fact]
    public void S8_lower_version_is_rejected_R70()
    {
        var history = new OrderHistory(OrderState.Foc, null, "02", Date("2026-03-10"), 0, ["5035550101"]);
        var reject = Assert.IsType<Reject>(Decide(Sup("2", ver: "01"), Monday, history: history).Decision);
        Assert.Equal("R70", reject.Errors[0].Code);
    }

    [Fact]
    public void S9_new_version_after_a_reject_is_evaluated_as_a_new_request()
    {
        var rejected = new OrderHistory(OrderState.Rejected, null, "00", null, 0, []);
        Assert.IsType<Foc>(Decide(Lsr(With((Field.Ver, "01"))), Monday, history: rejected).Decision);
        Assert.IsType<Foc>(Decide(Sup("3"), Monday, history: rejected).Decision);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public void S9_after_a_reject_sup_must_be_blank_or_3(string sup)
    {
        var rejected = new OrderHistory(OrderState.Rejected, null, "00", null, 0, []);
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
