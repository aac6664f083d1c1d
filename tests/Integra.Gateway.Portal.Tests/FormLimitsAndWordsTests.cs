using Integra.Gateway.Storage.Orders;
using System.Net;
using System.Text;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage;
using Integra.Gateway.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Issue 26 items 1, 3 and 5 over HTTP (status and body): the upload and LOA limits written beside the fields and
/// named when they are passed (never a bare 400, never an LOA silently dropped and answered R11); the R11 text on a
/// web form in web words from the reject table while the response file keeps the contract's MESSAGE; and the
/// supplement page of an order an LSR-only user did not submit.
/// </summary>
public sealed class FormLimitsAndWordsTests : IAsyncLifetime
{
    private PortalHarness _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHarness.StartAsync(time: new FakeTimeProvider(SubmitTests.Monday));

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    /// <summary>An agent's (PORTCO, CCNA PRT) CSR request for account A1002.</summary>
    private static Dictionary<string, string> Csr(string pon) =>
        new() { ["F[CCNA]"] = "PRT", ["F[PON]"] = pon, ["F[AGAUTH]"] = "Y", ["F[INITTEL]"] = "5035550900", ["F[AN]"] = "A1002" };

    private static byte[] Pdf(int bytes)
    {
        var content = new byte[bytes];
        Encoding.ASCII.GetBytes("%PDF-1.4\n").CopyTo(content, 0);
        return content;
    }

    [Fact]
    public async Task The_forms_say_the_size_and_types_each_file_field_takes()
    {
        using var agent = await _portal.PartnerClientAsync("csr@portco.example", "PORTCO", Privileges.Csr | Privileges.Lsr);

        var csr = await agent.GetStringAsync("/Partner/Submit/Csr");
        var upload = await agent.GetStringAsync("/Partner/Submit/Upload");

        Assert.Contains("id=\"loa-limit\">PDF, TIFF, PNG or JPEG, at most 10 MiB</span>", csr, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"loa-limit\"", csr, StringComparison.Ordinal);
        Assert.Contains("id=\"file-limit\">*.lsr.csv or *.csr.csv, at most 10 MiB</span>", upload, StringComparison.Ordinal);
        Assert.Contains("id=\"loa-limit\">PDF, TIFF, PNG or JPEG, at most 10 MiB</span>", upload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_LOA_over_10_MiB_is_a_field_error_naming_the_limit_and_the_form_keeps_what_was_typed()
    {
        using var agent = await _portal.PartnerClientAsync("csr@portco.example", "PORTCO", Privileges.Csr);
        var form = await PortalHarness.FormAsync(agent, "/Partner/Submit/Csr");

        var response = await PortalHarness.PostAsync(agent, "/Partner/Submit/Csr", form, Csr("BIG-LOA"), [("loa", "scan.pdf", Pdf((int)_portal.Intake.MaxLoaBytes + 1))]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-field=\"LOA\">The LOA scan.pdf is larger than 10 MiB, the most the portal takes for an LOA.", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"loa-limit loa-error-0\" aria-invalid=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"F[PON]\" value=\"BIG-LOA\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"F[AN]\" value=\"A1002\"", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"FormId\" value=\"{form.FormId}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("R11", page, StringComparison.Ordinal);
        Assert.Empty(_portal.Intake.Inbox("PORTCO", 10));

        // The same form with an LOA within the limit is then answered at once: the refused post claimed nothing.
        var pdf = await File.ReadAllBytesAsync(Path.Combine(Repo.SampleDrop("PORTCO"), "loa-a1001.pdf"));
        var answered = await (await PortalHarness.PostAsync(agent, "/Partner/Submit/Csr", form, Csr("BIG-LOA"), [("loa", "loa.pdf", pdf)])).Content.ReadAsStringAsync();
        Assert.Contains("<td>CSR</td><td>BIG-LOA</td>", answered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_LOA_over_the_limit_beside_an_uploaded_file_is_refused_on_the_page_and_nothing_is_submitted()
    {
        using var agent = await _portal.PartnerClientAsync("csr@portco.example", "PORTCO", Privileges.Csr);
        var file = await File.ReadAllBytesAsync(Path.Combine(Repo.SampleDrop("PORTCO"), "portco-0302.csr.csv"));

        var response = await PortalHarness.PostAsync(agent, "/Partner/Submit/Upload", await PortalHarness.FormAsync(agent, "/Partner/Submit/Upload"), [],
            [("file", "portco-0302.csr.csv", file), ("loa", "loa-a1001.pdf", Pdf((int)_portal.Intake.MaxLoaBytes + 100_000))]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"problem\">The LOA loa-a1001.pdf is larger than 10 MiB, the most the portal takes for an LOA.", page, StringComparison.Ordinal);
        Assert.Empty(_portal.Intake.Inbox("PORTCO", 10));
    }

    [Fact]
    public async Task A_post_over_the_upload_limit_is_the_portals_413_page_naming_the_limits_not_a_bare_400()
    {
        using var client = await _portal.PartnerClientAsync("lsr@acme.example", "ACME", Privileges.Lsr);
        var form = await PortalHarness.FormAsync(client, "/Partner/Submit/Upload");
        using var huge = new MultipartFormDataContent
        {
            { new StringContent(form.Token), "__RequestVerificationToken" },
            { new StringContent(form.FormId), "FormId" },
            { new ByteArrayContent(new byte[_portal.Intake.MaxUploadBytes + 1]), "file", "huge.lsr.csv" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Partner/Submit/Upload") { Content = huge };
        request.Headers.ExpectContinue = true;

        using var refused = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<h1 id=\"error-title\">Too large</h1>", page, StringComparison.Ordinal);
        Assert.Contains("a request file of at most 10 MiB and an LOA of at most 10 MiB", page, StringComparison.Ordinal);
        Assert.Contains("id=\"way-back\"", page, StringComparison.Ordinal);
        Assert.Empty(_portal.Intake.Inbox("ACME", 10));
    }

    [Fact]
    public async Task R11_on_the_CSR_form_is_in_web_words_and_the_response_file_keeps_the_contracts_message()
    {
        using var agent = await _portal.PartnerClientAsync("csr@portco.example", "PORTCO", Privileges.Csr);
        Assert.EndsWith("Choose the LOA in the LOA field and request the CSR again.", RejectCodeGuide.Find(RejectCodes.LoaMissing)!.OnForm, StringComparison.Ordinal);

        var page = await (await PortalHarness.PostAsync(agent, "/Partner/Submit/Csr", await PortalHarness.FormAsync(agent, "/Partner/Submit/Csr"), Csr("NO-LOA"), [])).Content.ReadAsStringAsync();
        var docx = await (await PortalHarness.PostAsync(agent, "/Partner/Submit/Csr", await PortalHarness.FormAsync(agent, "/Partner/Submit/Csr"), Csr("DOC-LOA"), [("loa", "loa.docx", Encoding.ASCII.GetBytes("PK not a pdf"))])).Content.ReadAsStringAsync();

        foreach (var answer in new[] { page, docx })
        {
            Assert.Contains("data-field=\"LOA\">R11 An agent", answer, StringComparison.Ordinal);
            Assert.Contains("Choose the LOA in the LOA field and request the CSR again.</span>", answer, StringComparison.Ordinal);
            Assert.DoesNotContain("column", answer, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("CSR file", answer, StringComparison.Ordinal);
        }

        var entry = _portal.Intake.Inbox("PORTCO", 10).First(a => a.Pons == "NO-LOA");
        var file = await agent.GetStringAsync($"/Partner/Inbox/Download?id={entry.Id}");
        Assert.Contains("no LOA is named in the LOA column", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_LSR_only_user_does_not_read_or_supplement_an_order_none_of_whose_versions_they_sent()
    {
        using var author = await _portal.PartnerClientAsync("author@acme.example", "ACME", Privileges.Lsr);
        using var colleague = await _portal.PartnerClientAsync("colleague@acme.example", "ACME", Privileges.Lsr);
        using var viewer = await _portal.PartnerClientAsync("viewer@acme.example", "ACME", Privileges.Lsr | Privileges.View);
        await PortalHarness.PostAsync(author, "/Partner/Submit/Lsr", await PortalHarness.FormAsync(author, "/Partner/Submit/Lsr"), SubmitTests.Lsr("OWN-1"));
        using var store = _portal.OpenOrders();
        var order = (await store.Orders.FindOrderAsync("ACME", OrderKind.Lsr, "ACM", "OWN-1", CancellationToken.None))!;
        var path = $"/Partner/Submit/Supplement?order={order.Id}";

        var refused = await colleague.GetAsync(path);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        var sup = SubmitTests.Lsr("OWN-1", ver: "01");
        sup["SupType"] = "1";
        sup["ConfirmCancel"] = "true";
        var posted = await PortalHarness.PostAsync(colleague, path, await PortalHarness.FormAsync(colleague, "/Partner/Submit/Lsr"), sup);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        foreach (var secret in new[] { "OWN-1", "A1001", "97201", "5035550101" })
        {
            Assert.DoesNotContain(secret, refusedPage, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(OrderState.Foc, store.Orders.FindOrder(order.Id)!.State);

        // The author (who sent it) and a user with VIEW read it, its state in words.
        foreach (var reader in new[] { author, viewer })
        {
            var page = await reader.GetStringAsync(path);
            Assert.Contains("id=\"order-state\">FOC</strong>", page, StringComparison.Ordinal);
            Assert.Contains("name=\"F[ZIP]\" value=\"97201\"", page, StringComparison.Ordinal);
        }
    }
}
