using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Onboarding;
using Integra.Gateway.Rules.Reference;

namespace Integra.Gateway.Portal.Tests;

/// <summary>Issue 26 item 5: the LSR and CSR forms start with what the signed-in partner's profile says, over HTTP.</summary>
public sealed class PartnerFormDefaultsTests : IAsyncLifetime
{
    private PortalHarness _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHarness.StartAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task A_partner_of_partners_csv_finds_its_CCNA_on_both_forms_and_no_guessed_NNSP()
    {
        using var client = await _portal.PartnerClientAsync("defaults@acme.example", "ACME", Privileges.Lsr | Privileges.Csr);
        var lsr = await client.GetStringAsync("/Partner/Submit/Lsr");
        Assert.Contains("id=\"f-CCNA\" name=\"F[CCNA]\" value=\"ACM\"", lsr, StringComparison.Ordinal);
        Assert.Contains("id=\"f-NNSP\" name=\"F[NNSP]\" value=\"\"", lsr, StringComparison.Ordinal);
        Assert.Contains("id=\"f-CCNA\" name=\"F[CCNA]\" value=\"ACM\"", await client.GetStringAsync("/Partner/Submit/Csr"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_onboarded_partner_finds_its_CCNA_and_its_one_SPID_as_NNSP()
    {
        var now = _portal.Time.GetUtcNow();
        var profile = new TradingPartnerProfile { Company = "New Co Wireless", Ccna = "NWC", PartnerType = "WIRELESS", Spids = "nwc1" };
        var submission = await _portal.Store.AddProfileAsync("portal", profile, now, now.AddDays(3), default);
        Assert.True((await _portal.Store.ApproveProfileAsync(submission.Id, new Partner("NWC", "NWC", "New Co Wireless", PartnerType.Wireless, [], null, null), [], "desk@integra.example", now, default)));

        using var client = await _portal.PartnerClientAsync("defaults@newco.example", "NWC", Privileges.Lsr | Privileges.Csr);
        var lsr = await client.GetStringAsync("/Partner/Submit/Lsr");
        Assert.Contains("id=\"f-CCNA\" name=\"F[CCNA]\" value=\"NWC\"", lsr, StringComparison.Ordinal);
        Assert.Contains("id=\"f-NNSP\" name=\"F[NNSP]\" value=\"NWC1\"", lsr, StringComparison.Ordinal);
        Assert.Contains("id=\"f-CCNA\" name=\"F[CCNA]\" value=\"NWC\"", await client.GetStringAsync("/Partner/Submit/Csr"), StringComparison.Ordinal);
    }
}
