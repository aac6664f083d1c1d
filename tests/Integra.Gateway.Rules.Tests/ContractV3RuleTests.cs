using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using NodaTime;
using static Integra.Gateway.Rules.Tests.World;

namespace Integra.Gateway.Rules.Tests;

/// <summary>Contract v3's rules across orders: L19, S3's cancel fields, S10, S11, and blank VER on resends.</summary>
public class ContractV3RuleTests
{
    private static readonly Instant Monday = At("2026-03-02T10:00:00-06:00");
    private static readonly DateTimeZone Central = DateTimeZoneProviders.Tzdb["America/Chicago"];

    private static LsrOutcome Decide(LsrRequest request, OrderHistory? history = null, IReadOnlyList<TnHold>? holds = null, Channel channel = Channel.Sftp) =>
        new LsrPolicy(Data, Options).Decide(request, new Receipt(Acme, channel, Monday), history, "h1", holds);

    /// <summary>The M-MN order at FOC: 0101 and 0102 ported (0101 activated when asked), 0103 disconnected, 0104 remaining.</summary>
    private static OrderHistory MultiLineOrder(bool firstActivated = false) =>
        new OrderHistory(
            OrderState.Foc, null, "00", Date("2026-03-10"), Date("2026-03-10"), 0,
            [
                new OrderTn("6125550101", Lna.Port, firstActivated),
                new OrderTn("6125550102", Lna.Port, false),
                new OrderTn("6125550103", Lna.Disconnect, false),
                new OrderTn("6125550104", Lna.Remains, false),
            ],
            Central) { An = "M-MN" };

    private static LsrRequest MultiLineVersion(string sup, string ver, params (Field, string)[] extra) =>
        Lsr(MultiLine([(Field.Sup, sup), (Field.Ver, ver), (Field.Ddd, "2026-03-10"), .. extra]), "6125550101", "6125550102");

    [Fact]
    public void L19_tn_held_by_the_partners_own_open_order_is_rejected_R26_naming_that_pon()
    {
        var holds = new[] { new TnHold("5035550101", Lna.Port, SamePartner: true, "P1", "L000123") };
        var reject = Assert.IsType<Reject>(Decide(Lsr(With((Field.Pon, "P2"))), holds: holds).Decision);
        var error = Assert.Single(reject.Errors);
        Assert.Equal(("L19", "R26", "TN", "5035550101"), (error.RuleId, error.Code, error.Field, error.Tn));
        Assert.Contains("PON P1 (LSRNO L000123)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void L19_tn_held_by_another_partners_order_is_rejected_R26_without_naming_its_pon()
    {
        var holds = new[] { new TnHold("5035550101", Lna.Port, SamePartner: false, "BR-SECRET", "L000999") };
        var error = Assert.Single(Assert.IsType<Reject>(Decide(Lsr(), holds: holds).Decision).Errors);
        Assert.Equal("R26", error.Code);
        Assert.DoesNotContain("BR-SECRET", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("L000999", error.Message, StringComparison.Ordinal);
        Assert.Contains("another port-out order", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Lna.Port)]
    [InlineData(Lna.Disconnect)]
    public void L19_a_disconnect_clause_tn_held_by_another_order_is_rejected_R26(Lna held)
    {
        // A TN is never ported and disconnected at once, nor disconnected by two orders.
        var request = Lsr(MultiLine((Field.Remarks, "DISC 612-555-0103; KEEP 612-555-0104")), "6125550101", "6125550102");
        var holds = new[] { new TnHold("6125550103", held, SamePartner: true, "P9", null) };
        var error = Assert.Single(Assert.IsType<Reject>(Decide(request, holds: holds).Decision).Errors);
        Assert.Equal(("L19", "R26", "6125550103"), (error.RuleId, error.Code, error.Tn));
    }

    [Fact]
    public void L19_the_tns_a_request_could_hold_are_its_rows_and_its_disconnect_clauses()
    {
        var request = Lsr(MultiLine((Field.Remarks, "DISC 612-555-0103; KEEP 612-555-0104")), "6125550101", "6125550102");
        Assert.Equal(["6125550101", "6125550102", "6125550103"], OneOpenOrderPerTn.TnsOf(request).ToList());
    }

    [Fact]
    public void L19_a_remaining_tn_held_elsewhere_is_no_conflict()
    {
        // 0104 stays with Integra on this order (R): another order may port it.
        var request = Lsr(MultiLine(), "6125550101", "6125550102", "6125550103");
        var holds = new[] { new TnHold("6125550104", Lna.Port, SamePartner: true, "P9", null) };
        Assert.IsType<Foc>(Decide(request, holds: holds).Decision);
    }

    [Fact]
    public void S10_a_supplement_naming_another_account_is_rejected_R63_alone()
    {
        var request = Lsr(With((Field.Sup, "2"), (Field.Ver, "01"), (Field.An, "S-MT"), (Field.Zip, "59601"), (Field.Ddd, "2026-03-12")), "4065550101");
        var error = Assert.Single(Assert.IsType<Reject>(Decide(request, MultiLineOrder()).Decision).Errors);
        Assert.Equal(("S10", "R63", "AN"), (error.RuleId, error.Code, error.Field));
        Assert.Contains("account M-MN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void S10_a_cancel_naming_another_account_cancels_nothing()
    {
        var request = Lsr(With((Field.Sup, "1"), (Field.Ver, "01"), (Field.An, "S-MT"), (Field.Zip, "59601"), (Field.Ddd, string.Empty)), "4065550101");
        var reject = Assert.IsType<Reject>(Decide(request, MultiLineOrder()).Decision);
        Assert.Equal("R63", Assert.Single(reject.Errors).Code);
        Assert.Null(reject.Closure);
    }

    [Fact]
    public void S10_an_emailed_cancel_naming_a_montana_account_does_not_cancel_another_states_order()
    {
        // L14 read the cancel's AN before v3: a Montana AN let an e-mailed cancel end a Minnesota order.
        var request = Lsr(With((Field.Sup, "1"), (Field.Ver, "01"), (Field.An, "S-MT"), (Field.Zip, "59601"), (Field.Ddd, string.Empty)), "4065550101");
        Assert.IsNotType<Cancel>(Decide(request, MultiLineOrder(), channel: Channel.Email).Decision);
    }

    [Fact]
    public void S10_the_orders_account_in_other_case_is_the_same_account()
    {
        var outcome = Decide(MultiLineVersion("3", "01", (Field.An, "m-mn")), MultiLineOrder());
        Assert.False(outcome.Decision is Reject r && r.Errors.Any(e => e.Code == "R63"));
        Assert.IsType<Foc>(Decide(MultiLineVersion("3", "01"), MultiLineOrder()).Decision);
    }

    [Theory]
    [InlineData(Field.Agauth)]
    [InlineData(Field.An)]
    [InlineData(Field.Zip)]
    public void S3_a_cancel_without_authorization_account_or_zip_is_rejected_R01(Field missing)
    {
        var request = Lsr(MultiLine((Field.Sup, "1"), (Field.Ver, "01"), (Field.Ddd, string.Empty), (missing, string.Empty)), "6125550101");
        var reject = Assert.IsType<Reject>(Decide(request, MultiLineOrder()).Decision);
        Assert.Contains(reject.Errors, e => e.Code == "R01" && e.Field == missing.Name());
    }

    [Fact]
    public void S3_a_cancel_of_only_ccna_pon_ver_and_sup_is_rejected()
    {
        var request = Lsr(
            With((Field.Sup, "1"), (Field.Ver, "01"), (Field.Ddd, string.Empty), (Field.Agauth, string.Empty), (Field.An, string.Empty), (Field.Zip, string.Empty), (Field.Cc, string.Empty), (Field.Nnsp, string.Empty), (Field.Npdi, string.Empty), (Field.Reqtyp, string.Empty), (Field.Act, string.Empty), (Field.Inittel, string.Empty)),
            "6125550101");
        var reject = Assert.IsType<Reject>(Decide(request, MultiLineOrder()).Decision);
        Assert.Equal(["AGAUTH", "AN", "ZIP"], reject.Errors.Where(e => e.Code == "R01").Select(e => e.Field).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void S3_a_cancel_with_the_wrong_passcode_is_rejected_R25()
    {
        var request = Lsr(MultiLine((Field.Sup, "1"), (Field.Ver, "01"), (Field.Ddd, string.Empty), (Field.Passcode, "0000")), "6125550101");
        Assert.Contains(Assert.IsType<Reject>(Decide(request, MultiLineOrder()).Decision).Errors, e => e.Code == "R25");
    }

    [Fact]
    public void S3_a_cancel_with_authorization_account_zip_and_passcode_cancels_and_needs_nothing_else()
    {
        var request = Lsr(MultiLine((Field.Sup, "1"), (Field.Ver, "01"), (Field.Ddd, string.Empty), (Field.DtSent, string.Empty), (Field.Authnm, string.Empty), (Field.Dated, string.Empty), (Field.Cc, string.Empty)), "6125550101");
        var cancel = Assert.IsType<Cancel>(Decide(request, MultiLineOrder()).Decision);
        Assert.Equal(["6125550101", "6125550102", "6125550103"], cancel.Tns);
    }

    [Fact]
    public void S11_a_supplement_leaving_out_ported_and_disconnected_tns_withdraws_them_C02()
    {
        // VER 01 ports only 0101 and declares a partial port: 0102 (P) and 0103 (D) leave the order.
        var request = Lsr(MultiLine((Field.Sup, "3"), (Field.Ver, "01"), (Field.Ddd, "2026-03-10")), "6125550101");
        var outcome = Decide(request, MultiLineOrder());
        Assert.IsType<Foc>(outcome.Decision);
        Assert.Equal(["6125550102", "6125550103"], outcome.LeftOut);
    }

    [Fact]
    public void S11_an_activated_tn_left_out_stays_on_the_order_ported()
    {
        var request = Lsr(MultiLine((Field.Sup, "3"), (Field.Ver, "01"), (Field.Ddd, "2026-03-10"), (Field.Remarks, "DISC 612-555-0103")), "6125550102");
        var outcome = Decide(request, MultiLineOrder(firstActivated: true));
        var foc = Assert.IsType<Foc>(outcome.Decision);
        Assert.Contains(new FocLine("6125550101", Lna.Port), foc.Lines);
        Assert.Empty(outcome.LeftOut);
    }

    [Fact]
    public void S11_a_rejected_supplement_withdraws_nothing()
    {
        var request = Lsr(MultiLine((Field.Sup, "3"), (Field.Ver, "01"), (Field.Ddd, "2026-03-10"), (Field.Zip, "99999")), "6125550101");
        var outcome = Decide(request, MultiLineOrder());
        Assert.IsType<Reject>(outcome.Decision);
        Assert.Empty(outcome.LeftOut);
    }

    [Fact]
    public void Blank_ver_is_ver_00_when_a_resend_is_compared()
    {
        var explicitVer = Lsr(With((Field.Ver, "00")));
        var blank = Lsr(With((Field.Ver, string.Empty)));
        Assert.Equal(explicitVer.CanonicalContent(), blank.CanonicalContent());
        Assert.Equal(explicitVer.LegacyCanonicalContent(), blank.LegacyCanonicalContent());
        Assert.NotEqual(blank.CanonicalContent(), blank.LegacyCanonicalContent());
        Assert.Null(Lsr(With((Field.Ver, "01"))).LegacyCanonicalContent());
    }
}
