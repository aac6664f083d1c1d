using System.Text.RegularExpressions;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Issue 26 item 2 over HTTP: the PON filter of the partner's and the desk's order lists takes the start of a PON in
/// any case; and no page shows an enum's name for a state, an answer type, a channel or a partner type.
/// </summary>
public sealed partial class OrderWordsTests(TrackingFixture fixture) : IClassFixture<TrackingFixture>
{
    [Theory]
    [InlineData("acme-100", new[] { "ACME-1003", "ACME-1002", "ACME-1001" })]
    [InlineData("ACME-2", new[] { "ACME-2001" })]
    [InlineData("Acme-1002", new[] { "ACME-1002" })]
    [InlineData("acme", new[] { "ACME-2001", "ACME-1003", "ACME-1002", "ACME-1001" })]
    [InlineData("CME", new string[0])]
    [InlineData("ACME_1", new string[0])]
    [InlineData("ACME%", new string[0])]
    [InlineData("bsk-300", new string[0])]
    public async Task The_partners_PON_filter_is_a_prefix_in_any_case(string pon, string[] pons)
    {
        using var acme = await fixture.SignedInAsync("viewer@acme.example");

        Assert.Equal(pons, Pons(await acme.GetStringAsync("/Partner/Orders?Pon=" + Uri.EscapeDataString(pon))));
    }

    [Theory]
    [InlineData("bsk-300", new[] { "BSK-3004", "BSK-3003", "BSK-3002", "BSK-3001" })]
    [InlineData("Acme-100", new[] { "ACME-1003", "ACME-1002", "ACME-1001" })]
    [InlineData("bsk-3003", new[] { "BSK-3003" })]
    public async Task The_desks_PON_filter_is_a_prefix_in_any_case_across_partners(string pon, string[] pons)
    {
        using var desk = await fixture.SignedInAsync("desk@integra.example");

        Assert.Equal(pons, Pons(await desk.GetStringAsync("/Staff/Orders?Pon=" + Uri.EscapeDataString(pon))));
    }

    [Fact]
    public async Task No_page_shows_an_enum_name_for_a_state_an_answer_a_channel_or_a_partner_type()
    {
        using var acme = await fixture.SignedInAsync("orders@acme.example");
        using var desk = await fixture.SignedInAsync("desk@integra.example");
        if ((await fixture.Portal.Store.FindUserAsync("words-admin@integra.example", default)) is null)
        {
            await fixture.Portal.AddUserAsync("words-admin@integra.example", Accounts.PortalRoles.Admin, null, TrackingFixture.Password);
        }

        using var admin = await fixture.SignedInAsync("words-admin@integra.example");
        var partners = await admin.GetStringAsync("/Staff/Admin/Partners");
        var partnerOrders = await acme.GetStringAsync("/Partner/Orders");
        var sla = await desk.GetStringAsync("/Staff/Sla");
        var pages = new List<string> { partners, partnerOrders, sla, await desk.GetStringAsync("/Staff/Orders"), await desk.GetStringAsync("/Staff/Reviews") };
        foreach (var id in OrderIds(partnerOrders))
        {
            pages.Add(await acme.GetStringAsync($"/Partner/Orders/Detail?id={id}"));
            pages.Add(await desk.GetStringAsync($"/Staff/Orders/Detail?id={id}"));
        }

        var supplementable = fixture.Portal.OrderId("ACME", "LSR", "ACME-2001");
        pages.Add(await acme.GetStringAsync($"/Partner/Submit/Supplement?order={supplementable}"));

        foreach (var page in pages)
        {
            // Text between tags only: enum names as attribute values (a select's option values) are not shown.
            var text = string.Join(' ', TextOnly().Matches(page).Select(m => m.Groups[1].Value));
            foreach (var name in new[] { "PendingReview", "Foc", "Sftp", "Lsr", "Csr", "SharedTenant", "Clec", "Ilec", "Voip" })
            {
                Assert.DoesNotMatch($@"(?<![\w-]){name}(?![\w-])", text);
            }
        }

        Assert.True(OrderIds(partnerOrders).Count >= 4, "the detail pages were read");
        Assert.Contains("LSR FOC", sla, StringComparison.Ordinal);
        Assert.Contains("<td>agent</td>", partners, StringComparison.Ordinal);
        Assert.Contains("id=\"order-state\">FOC</strong>", pages[^1], StringComparison.Ordinal);
    }

    private static List<string> Pons(string page) => PonCell().Matches(page).Select(m => m.Groups[1].Value).ToList();

    private static List<string> OrderIds(string page) => OrderRow().Matches(page).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"<a href=""/(?:Partner|Staff)/Orders/Detail\?id=\d+"">([^<]+)</a>")]
    private static partial Regex PonCell();

    [GeneratedRegex("data-order=\"(\\d+)\"")]
    private static partial Regex OrderRow();

    [GeneratedRegex(">([^<]+)<")]
    private static partial Regex TextOnly();
}
