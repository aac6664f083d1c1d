using System.Net;
using System.Text.RegularExpressions;
using Integra.Gateway.Portal.Tracking;
using Integra.Gateway.PortalHosting;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace Integra.Gateway.Portal.Tests;

/// <summary>SPEC §7 "Tracking" over HTTP: the partner's orders from every channel, an order's page, its files, isolation.</summary>
public sealed partial class TrackingTests(TrackingFixture fixture) : IClassFixture<TrackingFixture>
{
    private PortalHarness Portal => fixture.Portal;

    [Fact]
    public async Task A_partner_sees_its_orders_from_SFTP_and_email_newest_first_and_no_other_partners()
    {
        using var acme = await fixture.SignedInAsync("viewer@acme.example");
        var page = await acme.GetStringAsync("/Partner/Orders");

        Assert.Equal(["ACME-2001", "ACME-1003", "ACME-1002", "ACME-1001"], Pons(page));
        Assert.DoesNotContain("BSK-", page, StringComparison.Ordinal);
        Assert.Contains("e-mail", page, StringComparison.Ordinal);
        Assert.Contains("SFTP", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("State=Canceled", new[] { "ACME-1001" })]
    [InlineData("State=Foc", new[] { "ACME-2001", "ACME-1002" })]
    [InlineData("Pon=ACME-1003", new[] { "ACME-1003" })]
    [InlineData("Tn=(612) 555-0102", new[] { "ACME-1002" })]
    [InlineData("From=2026-03-03", new[] { "ACME-2001" })]
    [InlineData("From=2026-03-02&To=2026-03-02", new[] { "ACME-1003", "ACME-1002", "ACME-1001" })]
    [InlineData("To=2026-03-01", new string[0])]
    [InlineData("Pon=BSK-3001", new string[0])]
    [InlineData("Partner=BIGSKY", new[] { "ACME-2001", "ACME-1003", "ACME-1002", "ACME-1001" })]
    public async Task Each_filter_narrows_the_partners_list(string query, string[] pons)
    {
        using var acme = await fixture.SignedInAsync("viewer@acme.example");

        Assert.Equal(pons, Pons(await acme.GetStringAsync("/Partner/Orders?" + query.Replace(" ", "%20", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task A_filter_that_is_not_a_TN_or_a_date_says_so()
    {
        using var acme = await fixture.SignedInAsync("viewer@acme.example");

        var page = await acme.GetStringAsync("/Partner/Orders?Tn=555-01&From=March");

        Assert.Contains("not a 10-digit telephone number", page, StringComparison.Ordinal);
        Assert.Contains("not a date", page, StringComparison.Ordinal);
        Assert.Empty(Pons(page));
    }

    [Fact]
    public async Task Pages_follow_each_other_by_cursor_without_gaps_or_repeats()
    {
        var views = Portal.Gateway.Services.GetRequiredService<OrderViews>();
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await views.ListAsync(OrderScope.AllPartners, OrderFilter.None, cursor, pageSize: 3, CancellationToken.None);
            seen.AddRange(page.Orders.Select(o => o.Pon));
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null);

        var all = (await views.ListAsync(OrderScope.AllPartners, OrderFilter.None, null, pageSize: 200, CancellationToken.None)).Orders.Select(o => o.Pon).ToList();
        Assert.Equal(8, all.Count);
        Assert.Equal(all, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task An_orders_page_shows_its_versions_answers_TN_status_due_dates_and_history()
    {
        using var acme = await fixture.SignedInAsync("viewer@acme.example");

        var twoChannels = await acme.GetStringAsync($"/Partner/Orders/Detail?id={Portal.OrderId("ACME", "LSR", "ACME-2001")}");
        Assert.Matches(@"data-ver=""00"">\s*<td>00</td><td>-</td><td>e-mail</td><td class=""mono"">acme-0304.lsr.csv</td>\s*<td>2026-03-04 17:00 UTC</td><td>2026-03-04 17:00 UTC</td><td>FOC</td>", twoChannels);
        Assert.Matches(@"data-ver=""01"">\s*<td>01</td><td>2</td><td>SFTP</td><td class=""mono"">acme-0304b.lsr.csv</td>\s*<td>2026-03-04 17:10 UTC</td><td>2026-03-04 17:10 UTC</td><td>FOC</td>", twoChannels);
        Assert.Contains("<td>FOC</td><td>4065550101</td><td>P</td><td>2026-03-20</td>", twoChannels, StringComparison.Ordinal);
        Assert.Contains("<td>FOC</td><td>4065550101</td><td>P</td><td>2026-03-23</td>", twoChannels, StringComparison.Ordinal);
        Assert.Contains(@"<td id=""foc-date"">2026-03-23</td>", twoChannels, StringComparison.Ordinal);
        Assert.Contains(@"id=""history-only""", twoChannels, StringComparison.Ordinal);
        Assert.Contains("<td>FOC</td><td>SFTP acme-0304b.lsr.csv VER 01</td>", twoChannels, StringComparison.Ordinal);

        var canceled = await acme.GetStringAsync($"/Partner/Orders/Detail?id={Portal.OrderId("ACME", "LSR", "ACME-1001")}");
        Assert.Contains("<td>CAN</td><td>5035550101</td><td></td><td></td><td>C01</td>", canceled, StringComparison.Ordinal);
        Assert.Contains(@"<tr data-tn=""5035550101""><td>5035550101</td><td>P (port)</td><td>canceled</td>", canceled, StringComparison.Ordinal);
        Assert.Contains(@"<span id=""state"" class=""state"">canceled</span>", canceled, StringComparison.Ordinal);

        var focd = await acme.GetStringAsync($"/Partner/Orders/Detail?id={Portal.OrderId("ACME", "LSR", "ACME-1002")}");
        Assert.Contains(@"<tr data-tn=""6125550101""><td>6125550101</td><td>P (port)</td><td>ACTIVATED</td><td>2026-03-04 16:00 UTC</td>", focd, StringComparison.Ordinal);
        Assert.Contains(@"<tr data-tn=""6125550102""><td>6125550102</td><td>P (port)</td><td>open (not yet ported)</td>", focd, StringComparison.Ordinal);
        Assert.Contains(@"<tr data-tn=""6125550104""><td>6125550104</td><td>R (remains with Integra)</td>", focd, StringComparison.Ordinal);
        Assert.Contains(@"<td id=""foc-date"">2026-03-10</td>", focd, StringComparison.Ordinal);

        var rejected = await acme.GetStringAsync($"/Partner/Orders/Detail?id={Portal.OrderId("ACME", "LSR", "ACME-1003")}");
        var reject = fixture.AcmeSftp.Rows.First(r => r is { Pon: "ACME-1003", RespTyp: ResponseType.Reject });
        Assert.Contains($"<td>REJ</td><td>{reject.Tn}</td><td></td><td></td><td>{reject.Code}</td><td>{reject.Field}</td>", rejected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_response_file_downloads_byte_for_byte_as_its_channel_delivered_it()
    {
        using var acme = await fixture.SignedInAsync("viewer@acme.example");
        var id = Portal.OrderId("ACME", "LSR", "ACME-2001");
        var links = FileLinks(await acme.GetStringAsync($"/Partner/Orders/Detail?id={id}"));
        Assert.Equal(["acme-0304.lsr.resp.csv", "acme-0304b.lsr.resp.csv"], links.Select(l => l.Name));

        foreach (var ((_, href), delivered) in links.Zip([fixture.AcmeEmail, fixture.AcmeSupplementsSftp]))
        {
            using var response = await acme.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(delivered.ResponseName, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            Assert.Equal(ResponseWriter.Bytes(delivered.Rows), await response.Content.ReadAsByteArrayAsync());
        }

        // The Monday file answered four PONs, ACME-1001 among them: its page offers the whole file, as the partner got it.
        var monday = FileLinks(await acme.GetStringAsync($"/Partner/Orders/Detail?id={Portal.OrderId("ACME", "LSR", "ACME-1001")}"));
        Assert.Equal(["acme-20260302.lsr.resp.csv", "acme-0304b.lsr.resp.csv"], monday.Select(l => l.Name));
        Assert.Equal(ResponseWriter.Bytes(fixture.AcmeSftp.Rows), await acme.GetByteArrayAsync(monday[0].Href));
    }

    [Fact]
    public async Task A_later_answer_of_the_desk_downloads_with_the_order()
    {
        using var bigsky = await fixture.SignedInAsync("viewer@bigsky.example");
        var page = await bigsky.GetStringAsync($"/Partner/Orders/Detail?id={Portal.OrderId("BIGSKY", "LSR", "BSK-3003")}");
        var links = FileLinks(page);
        Assert.Equal(["bigsky-0302.lsr.resp.csv", fixture.BigSkyReview.FileName], links.Select(l => l.Name));
        Assert.Contains("later answer", page, StringComparison.Ordinal);

        var review = await bigsky.GetByteArrayAsync(links[1].Href);
        Assert.Equal(ResponseWriter.Bytes(fixture.BigSkyReview.Rows), review);
        Assert.Contains(@"<td id=""foc-date"">2026-03-05</td>", page, StringComparison.Ordinal);

        var disconnects = await bigsky.GetStringAsync($"/Partner/Orders/Detail?id={Portal.OrderId("BIGSKY", "LSR", "BSK-3002")}");
        Assert.Contains(@"<tr data-tn=""6125550203""><td>6125550203</td><td>D (disconnect)</td><td>open (not yet ported)</td>", disconnects, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_partners_order_and_files_are_not_found_whatever_the_id()
    {
        using var acme = await fixture.SignedInAsync("viewer@acme.example");
        var acmeOrder = Portal.OrderId("ACME", "LSR", "ACME-1002");
        var acmeFile = FileLinks(await acme.GetStringAsync($"/Partner/Orders/Detail?id={acmeOrder}"))[0].Href;
        var fileId = acmeFile[(acmeFile.LastIndexOf('=') + 1)..];
        using var bigsky = await fixture.SignedInAsync("viewer@bigsky.example");
        var bigskyOrder = Portal.OrderId("BIGSKY", "LSR", "BSK-3001");

        Assert.Equal(HttpStatusCode.NotFound, (await bigsky.GetAsync($"/Partner/Orders/Detail?id={acmeOrder}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bigsky.GetAsync(acmeFile)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bigsky.GetAsync($"/Partner/Orders/Detail?id={bigskyOrder}&handler=File&file={fileId}")).StatusCode);
        foreach (var guess in new[] { "r1", "r2", "r3", "o1", "o2", "x1", "r", "r-1" })
        {
            var response = await bigsky.GetAsync($"/Partner/Orders/Detail?id={bigskyOrder}&handler=File&file={guess}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.DoesNotContain("ACM", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(HttpStatusCode.NotFound, (await bigsky.GetAsync("/Partner/Orders/Detail?id=999999")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bigsky.GetAsync($"/Partner/Orders/Detail?id={bigskyOrder}")).StatusCode);
    }

    [Fact]
    public async Task The_supplement_link_is_for_LSR_users_on_open_orders_only()
    {
        var open = $"/Partner/Orders/Detail?id={Portal.OrderId("ACME", "LSR", "ACME-1002")}";
        var canceled = $"/Partner/Orders/Detail?id={Portal.OrderId("ACME", "LSR", "ACME-1001")}";
        using var lsr = await fixture.SignedInAsync("orders@acme.example");
        using var viewer = await fixture.SignedInAsync("viewer@acme.example");

        Assert.Contains($@"href=""/Partner/Submit/Supplement?order={Portal.OrderId("ACME", "LSR", "ACME-1002")}""", await lsr.GetStringAsync(open), StringComparison.Ordinal);
        Assert.DoesNotContain(@"id=""supplement""", await lsr.GetStringAsync(canceled), StringComparison.Ordinal);
        Assert.DoesNotContain(@"id=""supplement""", await viewer.GetStringAsync(open), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_administrator_without_privileges_is_refused_the_orders()
    {
        using var admin = await fixture.SignedInAsync("admin@acme.example");

        var response = await admin.GetAsync("/Partner/Orders");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Not allowed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_desk_looks_orders_up_across_partners()
    {
        using var desk = await fixture.SignedInAsync("desk@integra.example");

        Assert.Equal(8, Pons(await desk.GetStringAsync("/Staff/Orders")).Count);
        Assert.Equal(["BSK-3004", "BSK-3003", "BSK-3002", "BSK-3001"], Pons(await desk.GetStringAsync("/Staff/Orders?Partner=bigsky")));
        Assert.Equal(["BSK-3003"], Pons(await desk.GetStringAsync("/Staff/Orders?Pon=BSK-3003")));
        // One open order per TN (L19): a TN finds its one order, whichever partner's it is.
        Assert.Equal(["ACME-1002"], Pons(await desk.GetStringAsync("/Staff/Orders?Tn=6125550101")));
        Assert.Equal(["BSK-3002"], Pons(await desk.GetStringAsync("/Staff/Orders?Tn=6125550201")));
        Assert.Equal(["ACME-1001"], Pons(await desk.GetStringAsync("/Staff/Orders?State=Canceled")));

        var acmeOrder = Portal.OrderId("ACME", "LSR", "ACME-1001");
        var page = await desk.GetStringAsync($"/Staff/Orders/Detail?id={acmeOrder}");
        Assert.Contains("ACME-1001", page, StringComparison.Ordinal);
        var download = await desk.GetByteArrayAsync(FileLinks(page)[0].Href);
        Assert.Equal(ResponseWriter.Bytes(fixture.AcmeSftp.Rows), download);
    }

    [Theory]
    [InlineData("/Staff/Orders")]
    [InlineData("/Staff/Orders/Detail?id=1")]
    [InlineData("/Staff/Orders/Detail?id=1&handler=File&file=r1")]
    public async Task Partner_users_cannot_reach_the_desks_look_up(string path)
    {
        using var acme = await fixture.SignedInAsync("orders@acme.example");

        var response = await acme.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static List<string> Pons(string page) =>
        OrderLink().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    private static List<(string Name, string Href)> FileLinks(string page) =>
        FileLink().Matches(page).Select(m => (WebUtility.HtmlDecode(m.Groups[2].Value), WebUtility.HtmlDecode(m.Groups[1].Value))).ToList();

    [GeneratedRegex(@"<a href=""/(?:Partner|Staff)/Orders/Detail\?id=\d+"">([^<]+)</a>")]
    private static partial Regex OrderLink();

    [GeneratedRegex(@"<a class=""mono"" href=""([^""]+handler=File[^""]+)""[^>]*>([^<]+)</a>")]
    private static partial Regex FileLink();
}
