using System.Net;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Tests;
using Microsoft.Extensions.Time.Testing;
using Integra.Gateway.Storage.Orders;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// SPEC §7 "Submitting" over HTTP against the real portal: forms and uploads become requests on channel portal,
/// decided by the same rules, answered on the page and in the partner's inbox; a form posted twice is one request.
/// </summary>
public sealed class SubmitTests : IAsyncLifetime
{
    /// <summary>Monday 2026-03-02, 09:00 in Portland: before the simple-port cutoff, so the SDD is 2026-03-03.</summary>
    internal static readonly DateTimeOffset Monday = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    private PortalHarness _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHarness.StartAsync(time: new FakeTimeProvider(Monday));

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    /// <summary>A simple port of A1001 (one working TN) from ACME (CCNA ACM), due 2026-03-04.</summary>
    internal static Dictionary<string, string> Lsr(string pon, string zip = "97201", string ver = "00") => new()
    {
        ["F[CCNA]"] = "ACM", ["F[PON]"] = pon, ["F[VER]"] = ver, ["F[CC]"] = "ACMW", ["F[NNSP]"] = "6001", ["F[NPDI]"] = "C",
        ["F[REQTYP]"] = "CB", ["F[ACT]"] = "V", ["F[DDD]"] = "2026-03-04", ["F[INITTEL]"] = "5035550900", ["F[AGAUTH]"] = "Y",
        ["F[AN]"] = "A1001", ["F[ZIP]"] = zip, ["Tns"] = "503-555-0101",
    };

    [Fact]
    public async Task An_LSR_form_is_one_request_on_channel_portal_answered_with_its_FOC_on_the_page_and_in_the_inbox()
    {
        using var client = await _portal.PartnerClientAsync("lsr@acme.example", "ACME", Privileges.Lsr);
        var form = await PortalHarness.FormAsync(client, "/Partner/Submit/Lsr");

        var response = await PortalHarness.PostAsync(client, "/Partner/Submit/Lsr", form, Lsr("PORTAL-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<td>FOC</td><td>PORTAL-1</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>5035550101</td><td>P</td><td>2026-03-04</td>", page, StringComparison.Ordinal);
        using var store = _portal.OpenOrders();
        var order = (await store.Orders.FindOrderAsync("ACME", OrderKind.Lsr, "ACM", "PORTAL-1", CancellationToken.None))!;
        var version = store.Orders.Version(order.Id, "00")!;
        Assert.Equal(("portal", ResponseType.Foc, Monday), (version.Channel, version.Outcome, version.ReceivedAt.ToDateTimeOffset()));
        Assert.Equal(Rules.Model.Channel.Portal, store.Origins.OriginOf(order.Id).Channel);

        var inbox = await client.GetStringAsync("/Partner/Inbox");
        Assert.Contains(version.FileName[..^4] + ".resp.csv", inbox, StringComparison.Ordinal);
        var entry = Assert.Single(_portal.Intake.Inbox("ACME", 10));
        var download = await client.GetAsync($"/Partner/Inbox/Download?id={entry.Id}");
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ResponseWriter.Bytes(version.Response), await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Each_reject_is_shown_next_to_its_field_in_the_rules_own_words()
    {
        using var client = await _portal.PartnerClientAsync("lsr@acme.example", "ACME", Privileges.Lsr);
        var form = await PortalHarness.FormAsync(client, "/Partner/Submit/Lsr");
        var fields = Lsr("PORTAL-2", zip: "97299");
        fields["F[AGAUTH]"] = "N";

        var page = await (await PortalHarness.PostAsync(client, "/Partner/Submit/Lsr", form, fields)).Content.ReadAsStringAsync();

        using var store = _portal.OpenOrders();
        var rows = store.Orders.Version((await store.Orders.FindOrderAsync("ACME", OrderKind.Lsr, "ACM", "PORTAL-2", CancellationToken.None))!.Id, "00")!.Response;
        foreach (var (field, code) in new[] { ("ZIP", "R24"), ("AGAUTH", "R10") })
        {
            var row = Assert.Single(rows, r => r.Code == code);
            Assert.Equal(field, row.Field);
            var id = $"id=\"f-{field}\"";
            var after = page[page.IndexOf(id, StringComparison.Ordinal)..];
            Assert.Contains($"aria-describedby=\"f-{field}-error-0\" aria-invalid=\"true\"", after[..after.IndexOf("/>", StringComparison.Ordinal)], StringComparison.Ordinal);
            var error = $"<span class=\"error field-error\" id=\"f-{field}-error-0\" data-field=\"{field}\">{code} {System.Text.Encodings.Web.HtmlEncoder.Default.Encode(row.Message)}</span>";
            Assert.StartsWith(error, after[(after.IndexOf("/>", StringComparison.Ordinal) + 2)..].TrimStart(), StringComparison.Ordinal);
        }

        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(rows[0].Contact), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_post_shows_the_rules_classification_of_the_account_without_submitting()
    {
        using var client = await _portal.PartnerClientAsync("lsr@acme.example", "ACME", Privileges.Lsr);
        var form = await PortalHarness.FormAsync(client, "/Partner/Submit/Lsr");
        var fields = Lsr("PORTAL-3");

        var simple = await (await PortalHarness.PostAsync(client, "/Partner/Submit/Lsr?handler=Check", form, fields)).Content.ReadAsStringAsync();
        fields["F[AN]"] = "A1002";
        var nonSimple = await (await PortalHarness.PostAsync(client, "/Partner/Submit/Lsr?handler=Check", form, fields)).Content.ReadAsStringAsync();

        Assert.Contains("Simple port", simple, StringComparison.Ordinal);
        Assert.Contains("Non-simple port", nonSimple, StringComparison.Ordinal);
        using var store = _portal.OpenOrders();
        Assert.Null((await store.Orders.FindOrderAsync("ACME", OrderKind.Lsr, "ACM", "PORTAL-3", CancellationToken.None)));
        Assert.Empty(_portal.Intake.Inbox("ACME", 10));
    }

    [Fact]
    public async Task The_same_form_posted_twice_is_one_request_and_the_second_post_shows_the_first_answer()
    {
        using var client = await _portal.PartnerClientAsync("lsr@acme.example", "ACME", Privileges.Lsr);
        var form = await PortalHarness.FormAsync(client, "/Partner/Submit/Lsr");

        var posts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => PortalHarness.PostAsync(client, "/Partner/Submit/Lsr", form, Lsr("PORTAL-4"))));
        var again = await PortalHarness.PostAsync(client, "/Partner/Submit/Lsr", form, Lsr("PORTAL-4"));

        var pages = await Task.WhenAll(posts.Append(again).Select(p => p.Content.ReadAsStringAsync()));
        Assert.All(pages, p => Assert.Contains("<td>FOC</td><td>PORTAL-4</td>", p, StringComparison.Ordinal));
        Assert.Equal(2, pages.Count(p => p.Contains("id=\"repeated\"", StringComparison.Ordinal)));
        Assert.Single(_portal.Intake.Inbox("ACME", 10));
        using var store = _portal.OpenOrders();
        Assert.Single(store.Orders.FindOrdersByPon("ACME", OrderKind.Lsr, "PORTAL-4"));
        Assert.Equal("00", store.Orders.LatestVer((await store.Orders.FindOrderAsync("ACME", OrderKind.Lsr, "ACM", "PORTAL-4", CancellationToken.None))!.Id));
    }

    [Fact]
    public async Task An_agents_CSR_without_an_LOA_is_R11_and_with_one_gets_its_CSR_rows()
    {
        using var client = await _portal.PartnerClientAsync("csr@portco.example", "PORTCO", Privileges.Csr);
        Dictionary<string, string> Csr(string pon) => new() { ["F[CCNA]"] = "PRT", ["F[PON]"] = pon, ["F[AGAUTH]"] = "Y", ["F[INITTEL]"] = "5035550900", ["F[AN]"] = "A1002" };

        var without = await (await PortalHarness.PostAsync(client, "/Partner/Submit/Csr", await PortalHarness.FormAsync(client, "/Partner/Submit/Csr"), Csr("CSR-1"), [])).Content.ReadAsStringAsync();
        var pdf = await File.ReadAllBytesAsync(Path.Combine(Repo.SampleDrop("PORTCO"), "loa-a1001.pdf"));
        var with = await (await PortalHarness.PostAsync(client, "/Partner/Submit/Csr", await PortalHarness.FormAsync(client, "/Partner/Submit/Csr"), Csr("CSR-2"), [("loa", "loa.pdf", pdf)])).Content.ReadAsStringAsync();

        Assert.Contains("<td>REJ</td><td>CSR-1</td>", without, StringComparison.Ordinal);
        Assert.Contains("data-field=\"LOA\">R11 ", without, StringComparison.Ordinal);
        Assert.Equal(4, with.Split("<td>CSR</td><td>CSR-2</td>").Length - 1);
        Assert.Contains("North Loop Dental", with, StringComparison.Ordinal);
        Assert.Equal(2, _portal.Intake.Inbox("PORTCO", 10).Count);
    }

    [Fact]
    public async Task An_uploaded_request_file_is_answered_like_a_drop_and_downloads_as_its_resp_csv()
    {
        using var client = await _portal.PartnerClientAsync("lsr@acme.example", "ACME", Privileges.Lsr);
        var file = Path.Combine(Repo.SampleDrop("ACME"), "acme-20260302.lsr.csv");

        var page = await (await PortalHarness.PostAsync(client, "/Partner/Submit/Upload", await PortalHarness.FormAsync(client, "/Partner/Submit/Upload"), [], [("file", "acme-20260302.lsr.csv", await File.ReadAllBytesAsync(file))])).Content.ReadAsStringAsync();
        var tooLarge = await (await PortalHarness.PostAsync(client, "/Partner/Submit/Upload", await PortalHarness.FormAsync(client, "/Partner/Submit/Upload"), [], [("file", "huge.lsr.csv", new byte[_portal.Intake.MaxFileBytes + 1])])).Content.ReadAsStringAsync();

        Assert.Contains("<td>FOC</td><td>ACME-1001</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>REJ</td><td>ACME-1003</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>F04</td>", tooLarge, StringComparison.Ordinal);

        // Above a request file and an LOA at their limits the body is refused before it is read: nothing is stored.
        // (Expect: 100-continue, as a careful client sends: the answer comes before the body is sent at all.)
        var form = await PortalHarness.FormAsync(client, "/Partner/Submit/Upload");
        using var huge = new MultipartFormDataContent
        {
            { new StringContent(form.Token), "__RequestVerificationToken" },
            { new StringContent(form.FormId), "FormId" },
            { new ByteArrayContent(new byte[_portal.Intake.MaxUploadBytes + 1]), "file", "huger.lsr.csv" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Partner/Submit/Upload") { Content = huge };
        request.Headers.ExpectContinue = true;
        using var refused = await client.SendAsync(request);
        // Kestrel's limit trips when the anti-forgery check reads the form (400) or when the page does (413).
        Assert.True(refused.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"status {refused.StatusCode}");
        Assert.DoesNotContain("huger", await client.GetStringAsync("/Partner/Inbox"), StringComparison.Ordinal);
        var answer = _portal.Intake.Inbox("ACME", 10).Single(a => a.FileName == "acme-20260302.lsr.resp.csv");
        using var store = _portal.OpenOrders();
        var rows = new List<Responses.ResponseRow>();
        foreach (var pon in answer.Rows.Select(r => r.Pon).Distinct())
        {
            rows.AddRange(store.Orders.Version((await store.Orders.FindOrderAsync("ACME", OrderKind.Lsr, "ACM", pon, CancellationToken.None))!.Id, "00")!.Response);
        }

        Assert.Equal(ResponseWriter.Bytes(rows), await client.GetByteArrayAsync($"/Partner/Inbox/Download?id={answer.Id}"));
    }

    [Fact]
    public async Task A_SUP_1_from_the_supplement_form_prefilled_from_the_last_version_cancels_the_order()
    {
        using var client = await _portal.PartnerClientAsync("lsr@acme.example", "ACME", Privileges.Lsr);
        await PortalHarness.PostAsync(client, "/Partner/Submit/Lsr", await PortalHarness.FormAsync(client, "/Partner/Submit/Lsr"), Lsr("PORTAL-5"));
        using var store = _portal.OpenOrders();
        var order = (await store.Orders.FindOrderAsync("ACME", OrderKind.Lsr, "ACM", "PORTAL-5", CancellationToken.None))!;
        var path = $"/Partner/Submit/Supplement?order={order.Id}";

        var prefilled = await client.GetStringAsync(path);
        var fields = Lsr("PORTAL-5", ver: "01");
        fields["SupType"] = "1";
        fields["ConfirmCancel"] = "true";
        var page = await (await PortalHarness.PostAsync(client, path, await PortalHarness.FormAsync(client, path), fields)).Content.ReadAsStringAsync();

        Assert.Contains("id=\"f-PON\" name=\"F[PON]\" value=\"PORTAL-5\"", prefilled, StringComparison.Ordinal);
        Assert.Contains("id=\"f-VER\" name=\"F[VER]\" value=\"01\"", prefilled, StringComparison.Ordinal);
        Assert.Contains("id=\"f-ZIP\" name=\"F[ZIP]\" value=\"97201\"", prefilled, StringComparison.Ordinal);
        Assert.Contains("5035550101</textarea>", prefilled, StringComparison.Ordinal);
        Assert.Contains("<td>CAN</td><td>PORTAL-5</td><td>01</td>", page, StringComparison.Ordinal);
        Assert.Equal(OrderState.Canceled, store.Orders.FindOrder(order.Id)!.State);
        Assert.Equal(2, _portal.Intake.Inbox("ACME", 10).Count);
    }

    [Fact]
    public async Task Another_partner_can_neither_see_nor_supplement_nor_download_an_order_or_answer()
    {
        using var acme = await _portal.PartnerClientAsync("lsr@acme.example", "ACME", Privileges.Lsr);
        await PortalHarness.PostAsync(acme, "/Partner/Submit/Lsr", await PortalHarness.FormAsync(acme, "/Partner/Submit/Lsr"), Lsr("PORTAL-6"));
        using var store = _portal.OpenOrders();
        var order = (await store.Orders.FindOrderAsync("ACME", OrderKind.Lsr, "ACM", "PORTAL-6", CancellationToken.None))!;
        var answer = Assert.Single(_portal.Intake.Inbox("ACME", 10));
        using var bridge = await _portal.PartnerClientAsync("lsr@bridge.example", "BRIDGE", Privileges.Lsr | Privileges.View);

        Assert.DoesNotContain("PORTAL-6", await bridge.GetStringAsync("/Partner/Inbox"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await bridge.GetAsync($"/Partner/Submit/Supplement?order={order.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bridge.GetAsync($"/Partner/Inbox/Answer?id={answer.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bridge.GetAsync($"/Partner/Inbox/Download?id={answer.Id}")).StatusCode);
        var own = await PortalHarness.FormAsync(bridge, "/Partner/Submit/Lsr");
        var sup = Lsr("PORTAL-6", ver: "01");
        sup["SupType"] = "1";
        sup["ConfirmCancel"] = "true";
        Assert.Equal(HttpStatusCode.NotFound, (await PortalHarness.PostAsync(bridge, $"/Partner/Submit/Supplement?order={order.Id}", own, sup)).StatusCode);
        Assert.Equal(OrderState.Foc, store.Orders.FindOrder(order.Id)!.State);
    }

    [Fact]
    public async Task A_user_without_the_privilege_gets_403_and_a_post_without_the_anti_forgery_token_400()
    {
        using var viewer = await _portal.PartnerClientAsync("view@acme.example", "ACME", Privileges.View);
        using var lsr = await _portal.PartnerClientAsync("lsr@acme.example", "ACME", Privileges.Lsr);

        foreach (var path in new[] { "/Partner/Submit/Lsr", "/Partner/Submit/Csr", "/Partner/Submit/Upload" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await lsr.GetAsync("/Partner/Submit/Csr")).StatusCode);
        var form = await PortalHarness.FormAsync(lsr, "/Partner/Submit/Lsr");
        using var tokenless = new FormUrlEncodedContent(Lsr("PORTAL-7").Append(new("FormId", form.FormId)));
        Assert.Equal(HttpStatusCode.BadRequest, (await lsr.PostAsync("/Partner/Submit/Lsr", tokenless)).StatusCode);
        Assert.Empty(_portal.Intake.Inbox("ACME", 10));
    }
}
