using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Rules.Reference;
using static Integra.Gateway.Rules.Tests.World;

namespace Integra.Gateway.Rules.Tests;

/// <summary>C1–C3 and the checks CSR requests share with LSRs.</summary>
public class CsrRuleTests
{
    private static readonly NodaTime.Instant Monday = At("2026-03-02T10:00:00-08:00");

    private static CsrRequest Csr(params (Field, string)[] values)
    {
        var all = new Dictionary<Field, string> { [Field.Ccna] = "ACM", [Field.Pon] = "CSR-1", [Field.Agauth] = "Y", [Field.Inittel] = "5035550900", [Field.An] = "M-MN" };
        foreach (var (f, v) in values)
        {
            all[f] = v;
        }

        return new CsrRequest(FieldValues.Of(all), 2);
    }

    private static CsrDecision Decide(CsrRequest request, Partner? partner = null, LoaContent loa = LoaContent.Missing, Channel channel = Channel.Sftp, string? priorHash = null) =>
        new CsrPolicy(Data, Options).Decide(request, new Receipt(partner ?? Acme, channel, Monday), loa, priorHash, "h1");

    [Fact]
    public void C3_answer_lists_every_working_tn_of_the_account()
    {
        var answer = Assert.IsType<CsrAnswer>(Decide(Csr()));
        Assert.Equal(["6125550101", "6125550102", "6125550103", "6125550104"], answer.WorkingTns);
    }

    [Fact]
    public void C3_a_tn_alone_finds_the_account_even_when_it_is_not_working()
    {
        var answer = Assert.IsType<CsrAnswer>(Decide(Csr((Field.An, ""), (Field.Tn, "612-555-0105"))));
        Assert.Equal("M-MN", answer.Account.An);
    }

    [Fact]
    public void C1_agauth_not_y_is_rejected_R10()
    {
        var reject = Assert.IsType<CsrReject>(Decide(Csr((Field.Agauth, "N"))));
        Assert.Equal(("C1", "R10"), (reject.Errors[0].RuleId, reject.Errors[0].Code));
    }

    [Theory]
    [InlineData(LoaContent.Missing)]
    [InlineData(LoaContent.Empty)]
    [InlineData(LoaContent.Unrecognized)]
    public void C2_agent_without_a_valid_loa_is_rejected_R11(LoaContent loa)
    {
        var reject = Assert.IsType<CsrReject>(Decide(Csr((Field.Ccna, "PRT"), (Field.Loa, "loa.pdf")), Agent, loa));
        Assert.Equal(("C2", "R11", "LOA"), (reject.Errors[0].RuleId, reject.Errors[0].Code, reject.Errors[0].Field));
    }

    [Theory]
    [InlineData(LoaContent.Pdf)]
    [InlineData(LoaContent.Tiff)]
    [InlineData(LoaContent.Png)]
    [InlineData(LoaContent.Jpeg)]
    public void C2_agent_with_an_loa_document_is_answered(LoaContent loa) =>
        Assert.IsType<CsrAnswer>(Decide(Csr((Field.Ccna, "PRT"), (Field.Loa, "loa")), Agent, loa));

    [Fact]
    public void C2_carriers_need_no_loa() => Assert.IsType<CsrAnswer>(Decide(Csr()));

    [Fact]
    public void C3_qwest_tn_is_rejected_R21() =>
        Assert.Equal("R21", Assert.IsType<CsrReject>(Decide(Csr((Field.An, ""), (Field.Tn, "2065550101")))).Errors[0].Code);

    [Fact]
    public void C3_unknown_tn_is_rejected_R20() =>
        Assert.Equal("R20", Assert.IsType<CsrReject>(Decide(Csr((Field.An, ""), (Field.Tn, "2065559999")))).Errors[0].Code);

    [Fact]
    public void C3_tn_not_on_the_given_account_is_rejected_R23() =>
        Assert.Equal("R23", Assert.IsType<CsrReject>(Decide(Csr((Field.Tn, "5035550101")))).Errors[0].Code);

    [Fact]
    public void C3_an_account_without_a_working_tn_is_rejected_R22_never_an_empty_answer()
    {
        var error = Assert.Single(Assert.IsType<CsrReject>(Decide(Csr((Field.An, "D-OR")))).Errors);
        Assert.Equal(("R22", "AN"), (error.Code, error.Field));
        Assert.Equal("R22", Assert.IsType<CsrReject>(Decide(Csr((Field.An, ""), (Field.Tn, "5035550801")))).Errors[0].Code);
    }

    [Fact]
    public void C3_account_only_checks_npac_of_its_working_tns() =>
        Assert.Equal("R21", Assert.IsType<CsrReject>(Decide(Csr((Field.An, "Q-WA")))).Errors[0].Code);

    [Fact]
    public void CSR_without_an_or_tn_is_rejected_R01() =>
        Assert.Equal("R01", Assert.IsType<CsrReject>(Decide(Csr((Field.An, "")))).Errors[0].Code);

    [Fact]
    public void CSR_by_email_outside_montana_is_rejected_R50() =>
        Assert.Contains(Assert.IsType<CsrReject>(Decide(Csr(), channel: Channel.Email)).Errors, e => e.Code == "R50");

    [Fact]
    public void CSR_ccna_not_the_partners_is_rejected_R04() =>
        Assert.Contains(Assert.IsType<CsrReject>(Decide(Csr((Field.Ccna, "ZZZ")))).Errors, e => e.Code == "R04");

    [Fact]
    public void CSR_resent_identically_is_resent_and_changed_is_R70()
    {
        Assert.IsType<CsrResend>(Decide(Csr(), priorHash: "h1"));
        Assert.Equal("R70", Assert.IsType<CsrReject>(Decide(Csr(), priorHash: "h0")).Errors[0].Code);
    }
}
