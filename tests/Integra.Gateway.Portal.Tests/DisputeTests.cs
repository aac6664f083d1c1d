using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Rules.Model;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Issue 27 (SPEC §7 "Authorization disputes") over the real Kestrel: the desk opens an evidence request on BRIDGE's
/// SFTP order BR-2001 (received Monday 2026-03-02 12:30 in Denver), the partner answers with documents checked by
/// content, the desk rejects, accepts, extends and reopens; other partners and other privileges get 404.
/// </summary>
public sealed partial class DisputeTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    private PortalHarness _portal = null!;
    private long _order;

    public async Task InitializeAsync()
    {
        _portal = await PortalHarness.StartAsync(time: new FakeTimeProvider(PortalHarness.SampleMonday));
        await _portal.ReceiveAsync("BRIDGE", "bridge-0302.lsr.csv", Channel.Sftp);
        await _portal.AddUserAsync("desk@integra.example", PortalRoles.Desk, null, Password);
        await _portal.AddUserAsync("admin@bridge.example", PortalRoles.PartnerAdmin, "BRIDGE", Password);
        _order = _portal.OrderId("BRIDGE", "LSR", "BR-2001");
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_desk_opens_a_request_due_in_3_business_days_the_administrators_are_mailed_and_it_is_audited()
    {
        using var desk = await Desk();
        var id = await OpenAsync(desk, "6025550101");

        var page = await desk.GetStringAsync($"/Staff/Disputes/Detail?id={id}");
        Assert.Contains("end of 2026-03-05 (America/Denver)", page, StringComparison.Ordinal); // Monday + 3 business days
        Assert.Contains("6025550101", page, StringComparison.Ordinal);
        Assert.DoesNotContain("6025550102", page, StringComparison.Ordinal);
        var mail = Assert.Single(_portal.Mails(), m => (m.Subject ?? string.Empty).Contains("BR-2001", StringComparison.Ordinal));
        Assert.Equal("admin@bridge.example", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Contains($"{_portal.BaseUrl}/Partner/Disputes/Detail?id={id}", mail.TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains((await _portal.Store.AuditAsync("BRIDGE", 10, default)), a => a.Action == "evidence-requested" && a.Target == "PON BR-2001" && a.Actor == "desk@integra.example");

        var order = await desk.GetStringAsync($"/Staff/Orders/Detail?id={_order}");
        Assert.Contains($"/Staff/Disputes/Detail?id={id}", order, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_user_answers_the_desk_rejects_the_user_answers_again_the_desk_accepts_reopens_and_extends()
    {
        using var desk = await Desk();
        var id = await OpenAsync(desk);
        using var lsr = await _portal.PartnerClientAsync("lsr@bridge.example", "BRIDGE", Privileges.Lsr);

        // LSR privilege, no VIEW: the request of an LSR order is on the home page.
        Assert.Contains($"/Partner/Disputes/Detail?id={id}", await lsr.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(lsr, id, "Signed LOA attached.", ("loa.pdf", Pdf))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(lsr, id, "And the bill.", ("bill.pdf", Pdf))).StatusCode); // more than one answer until the desk decides
        Assert.Contains("answered, waiting for the desk", await desk.GetStringAsync($"/Staff/Disputes/Detail?id={id}"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(desk, id, "Reject", "The LOA is not signed.")).StatusCode);
        var partnerPage = await lsr.GetStringAsync($"/Partner/Disputes/Detail?id={id}");
        Assert.Contains("The LOA is not signed.", partnerPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(lsr, id, "Signed one.", ("signed.pdf", Pdf))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(desk, id, "Accept", "Signature matches.")).StatusCode);
        Assert.Contains("accepted", await desk.GetStringAsync($"/Staff/Disputes/Detail?id={id}"), StringComparison.Ordinal);

        var late = await AnswerAsync(lsr, id, "One more.", ("more.pdf", Pdf));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("accepted the evidence", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(desk, $"/Staff/Disputes/Detail?id={id}", $"/Staff/Disputes/Detail?handler=Reopen", new() { ["id"] = $"{id}", ["due"] = "2026-03-10" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(desk, $"/Staff/Disputes/Detail?id={id}", $"/Staff/Disputes/Detail?handler=Extend", new() { ["id"] = $"{id}", ["due"] = "2026-03-12" })).StatusCode);
        var reopened = await desk.GetStringAsync($"/Staff/Disputes/Detail?id={id}");
        Assert.Contains("end of 2026-03-12", reopened, StringComparison.Ordinal);
        Assert.Contains("waiting for the partner", reopened, StringComparison.Ordinal);
        var actions = (await _portal.Store.AuditAsync("BRIDGE", 50, default)).Select(a => a.Action).ToList();
        Assert.Equal(3, actions.Count(a => a == "evidence-answered"));
        Assert.Contains("evidence-rejected", actions);
        Assert.Contains("evidence-accepted", actions);
        Assert.Contains("evidence-reopened", actions);
        Assert.Contains("evidence-due-extended", actions);
    }

    [Fact]
    public async Task Another_partners_request_and_its_files_are_404_and_so_is_a_user_without_the_privilege_of_the_orders_kind()
    {
        using var desk = await Desk();
        var id = await OpenAsync(desk);
        using var bridge = await _portal.PartnerClientAsync("view@bridge.example", "BRIDGE", Privileges.View);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(bridge, id, "LOA.", ("loa.pdf", Pdf))).StatusCode);
        var fileId = FileLink().Match(await bridge.GetStringAsync($"/Partner/Disputes/Detail?id={id}")).Groups[1].Value;
        Assert.Equal(Pdf, await bridge.GetByteArrayAsync($"/Partner/Disputes/Detail?id={id}&handler=File&file={fileId}"));

        using var acme = await _portal.PartnerClientAsync("view@acme.example", "ACME", Privileges.View | Privileges.Lsr | Privileges.Csr);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync($"/Partner/Disputes/Detail?id={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync($"/Partner/Disputes/Detail?id={id}&handler=File&file={fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AnswerAsync(acme, id, "forged", ("x.pdf", Pdf), tokenFrom: "/Partner/Disputes")).StatusCode);
        Assert.DoesNotContain("BR-2001", await acme.GetStringAsync("/Partner/Disputes"), StringComparison.Ordinal);

        using var csr = await _portal.PartnerClientAsync("csr@bridge.example", "BRIDGE", Privileges.Csr);
        Assert.Equal(HttpStatusCode.NotFound, (await csr.GetAsync($"/Partner/Disputes/Detail?id={id}")).StatusCode);
        Assert.DoesNotContain("BR-2001", await csr.GetStringAsync("/"), StringComparison.Ordinal);

        // Partner users never reach the desk's pages.
        Assert.NotEqual(HttpStatusCode.OK, (await bridge.GetAsync($"/Staff/Disputes/Detail?id={id}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await bridge.GetAsync($"/Staff/Disputes/Package?order={_order}")).StatusCode);
    }

    [Theory]
    [InlineData("loa.pdf", "not a PDF, TIFF, PNG or JPEG")]
    [InlineData("scan.png", "not a PDF, TIFF, PNG or JPEG")]
    [InlineData("empty.pdf", "is empty")]
    public async Task A_document_that_is_not_what_its_name_says_is_refused(string name, string problem)
    {
        using var desk = await Desk();
        var id = await OpenAsync(desk);
        using var lsr = await _portal.PartnerClientAsync("lsr@bridge.example", "BRIDGE", Privileges.Lsr);
        var content = name == "empty.pdf" ? [] : Encoding.ASCII.GetBytes("<html>this is a web page</html>");

        var refused = await AnswerAsync(lsr, id, "typed text is kept", (name, content));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains(problem, page, StringComparison.Ordinal);
        Assert.Contains("typed text is kept", page, StringComparison.Ordinal);
        Assert.Contains("No answer yet.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_over_the_LOA_limit_is_refused()
    {
        using var desk = await Desk();
        var id = await OpenAsync(desk);
        using var lsr = await _portal.PartnerClientAsync("lsr@bridge.example", "BRIDGE", Privileges.Lsr);
        var big = new byte[(10 * 1024 * 1024) + 1];
        Pdf.CopyTo(big, 0);

        var refused = await AnswerAsync(lsr, id, string.Empty, ("big.pdf", big));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("larger than 10 MB", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_after_the_due_time_is_refused_with_the_reason_and_the_request_is_flagged_past_due()
    {
        using var desk = await Desk();
        var id = await OpenAsync(desk, due: "2026-03-03");
        await _portal.AddUserAsync("lsr@bridge.example", PortalRoles.PartnerUser, "BRIDGE", Password, Privileges.Lsr);

        // Wednesday 00:00:01 in Denver: the end of Tuesday has passed (signed in afresh: the desk's session idled out).
        _portal.Time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 7, 0, 1, TimeSpan.Zero));
        using var lsr = _portal.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHarness.SignInAsync(lsr, "lsr@bridge.example", Password)).StatusCode);
        var late = await AnswerAsync(lsr, id, "late", ("loa.pdf", Pdf));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("The due time (end of 2026-03-03, America/Denver) has passed", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains((await _portal.Store.AuditAsync("BRIDGE", 10, default)), a => a.Action == "evidence-answer-refused");

        using var deskAgain = await Desk();
        var queue = await deskAgain.GetStringAsync("/Staff/Disputes");
        Assert.Contains("Past due: 1", queue, StringComparison.Ordinal);
        Assert.Contains("PAST DUE", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_past_due_is_a_line_on_the_SLA_board_with_its_link_until_the_desk_extends_it()
    {
        using var desk = await Desk();
        var soon = await OpenAsync(desk, due: "2026-03-03");
        var later = await OpenAsync(desk);
        var board = await desk.GetStringAsync("/Staff/Sla");
        Assert.Contains("<td id=\"disputes-past-due\">0</td>", board, StringComparison.Ordinal);
        Assert.DoesNotContain("disputes-past-due-list", board, StringComparison.Ordinal);

        // Wednesday 00:00:01 in Denver: the end of Tuesday has passed, the end of Thursday has not.
        _portal.Time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 7, 0, 1, TimeSpan.Zero));
        using var deskAgain = await Desk();
        board = await deskAgain.GetStringAsync("/Staff/Sla");
        Assert.Contains("<td id=\"disputes-past-due\">1</td>", board, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=\"/Staff/Disputes/Detail?id={soon}\">Request {soon}</a>: BRIDGE LSR PON BR-2001, due the end of 2026-03-03, waiting for the partner&#x27;s evidence</li>", board, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Staff/Disputes/Detail?id={later}\"", board, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(deskAgain, $"/Staff/Disputes/Detail?id={soon}", $"/Staff/Disputes/Detail?handler=Extend", new() { ["id"] = $"{soon}", ["due"] = "2026-03-06" })).StatusCode);
        Assert.Contains("<td id=\"disputes-past-due\">0</td>", await deskAgain.GetStringAsync("/Staff/Sla"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_stored_document_is_never_served_and_the_package_refuses_to_build_naming_it()
    {
        using var desk = await Desk();
        var id = await OpenAsync(desk);
        using var lsr = await _portal.PartnerClientAsync("lsr@bridge.example", "BRIDGE", Privileges.Lsr);
        await AnswerAsync(lsr, id, "LOA.", ("loa.pdf", Pdf));
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/Staff/Disputes/Package?order={_order}")).StatusCode);

        using (var db = new SqliteConnection($"Data Source={_portal.Database};Pooling=False"))
        {
            db.Open();
            using var tamper = db.CreateCommand();
            tamper.CommandText = "UPDATE evidence_files SET content = X'255044462D312E340A6576696C'";
            Assert.Equal(1, tamper.ExecuteNonQuery());
        }

        var fileId = FileLink().Match(await desk.GetStringAsync($"/Staff/Disputes/Detail?id={id}")).Groups[1].Value;
        var file = await desk.GetAsync($"/Staff/Disputes/Detail?id={id}&handler=File&file={fileId}");
        Assert.Equal(HttpStatusCode.InternalServerError, file.StatusCode);
        Assert.DoesNotContain("evil", await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, (await lsr.GetAsync($"/Partner/Disputes/Detail?id={id}&handler=File&file={fileId}")).StatusCode);

        var package = await desk.GetAsync($"/Staff/Disputes/Package?order={_order}");
        Assert.Equal(HttpStatusCode.InternalServerError, package.StatusCode);
        Assert.Contains($"evidence file {fileId} (loa.pdf) does not match its recorded SHA-256", await package.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains((await _portal.Store.AuditAsync(null, 20, default)), a => a.Action == "evidence-integrity-failed");
    }

    [Fact]
    public async Task The_package_holds_every_file_of_the_manifest_with_its_hash_is_the_same_bytes_twice_and_its_hash_is_audited()
    {
        using var desk = await Desk();
        var id = await OpenAsync(desk);
        using var lsr = await _portal.PartnerClientAsync("lsr@bridge.example", "BRIDGE", Privileges.Lsr);
        await AnswerAsync(lsr, id, "Signed LOA attached.", ("loa.pdf", Pdf));
        await DecideAsync(desk, id, "Accept", "Signature matches.");

        var first = await desk.GetByteArrayAsync($"/Staff/Disputes/Package?order={_order}");
        _portal.Time.Advance(TimeSpan.FromHours(3));
        var second = await desk.GetByteArrayAsync($"/Staff/Disputes/Package?order={_order}");
        Assert.Equal(first, second);

        using var zip = new ZipArchive(new MemoryStream(first));
        var manifest = Read(zip.GetEntry("MANIFEST.csv")!).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(zip.Entries.Count - 1, manifest.Count);
        foreach (var line in manifest)
        {
            var cells = line.TrimEnd('\r').Split(',');
            var body = Bytes(zip.GetEntry(cells[0])!);
            Assert.Equal(cells[1], Convert.ToHexStringLower(SHA256.HashData(body)));
            Assert.Equal(cells[2], body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("requests/00-bridge-0302.lsr.csv.version.json", names);
        Assert.Contains(names, n => n.StartsWith("responses/01-", StringComparison.Ordinal));
        Assert.Contains($"evidence/request-{id}/request.json", names);
        Assert.Equal(Pdf, Bytes(zip.Entries.Single(e => e.FullName.EndsWith("-loa.pdf", StringComparison.Ordinal))));
        Assert.Contains("evidence-accepted", Read(zip.GetEntry("audit.csv")!), StringComparison.Ordinal);
        Assert.Equal("history.json", names[^3]);

        var hash = Convert.ToHexStringLower(SHA256.HashData(first));
        Assert.Equal(2, (await _portal.Store.AuditAsync("BRIDGE", 50, default)).Count(a => a.Action == "evidence-package-downloaded" && a.Detail.Contains(hash, StringComparison.Ordinal)));
    }

    private static string Read(ZipArchiveEntry entry) => Encoding.UTF8.GetString(Bytes(entry));

    private static byte[] Bytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private async Task<HttpClient> Desk()
    {
        var client = _portal.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHarness.SignInAsync(client, "desk@integra.example", Password)).StatusCode);
        return client;
    }

    /// <summary>Opens a request on BR-2001 from the order's page; returns its id.</summary>
    private async Task<long> OpenAsync(HttpClient desk, string? tn = null, string? due = null)
    {
        var fields = new Dictionary<string, string> { ["reason"] = "The end user says they never asked to leave Integra." };
        if (tn is not null)
        {
            fields["tns"] = tn;
        }

        if (due is not null)
        {
            fields["due"] = due;
        }

        var opened = await PostAsync(desk, $"/Staff/Orders/Detail?id={_order}", $"/Staff/Disputes/Open?order={_order}", fields);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var location = opened.Headers.Location!.ToString();
        Assert.Contains("/Staff/Disputes/Detail", location, StringComparison.Ordinal);
        return long.Parse(location[(location.IndexOf("id=", StringComparison.Ordinal) + 3)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<HttpResponseMessage> DecideAsync(HttpClient desk, long id, string handler, string reason) =>
        PostAsync(desk, $"/Staff/Disputes/Detail?id={id}", $"/Staff/Disputes/Detail?handler={handler}", new() { ["id"] = $"{id}", ["reason"] = reason });

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string post, Dictionary<string, string> fields) =>
        PortalHarness.PostFormAsync(client, page, fields, post);

    /// <summary>Posts an answer as the request page's form does (multipart), with the token of <paramref name="tokenFrom"/> or of the page itself.</summary>
    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, long id, string text, (string Name, byte[] Content) file, string? tokenFrom = null)
    {
        var page = await client.GetStringAsync(tokenFrom ?? $"/Partner/Disputes/Detail?id={id}");
        var token = WebUtility.HtmlDecode(TokenField().Match(page).Groups[1].Value);
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent($"{id}"), "id" },
            { new StringContent(text), "text" },
            { new ByteArrayContent(file.Content), "files", file.Name },
        };
        return await client.PostAsync($"/Partner/Disputes/Detail?id={id}", multipart);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex(@"handler=File&amp;file=(\d+)")]
    private static partial Regex FileLink();
}
