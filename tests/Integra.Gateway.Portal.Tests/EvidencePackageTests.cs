using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage.Evidence;
using Microsoft.Extensions.Time.Testing;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Issue 27 "Done when": the evidence package of an order that came by SFTP and was supplemented through the portal.
/// Unpacked, every entry matches MANIFEST.csv (hash and size) and the manifest lists every entry; the SFTP request is
/// the version record of the file received, the portal supplement is the request file the form became, byte for byte;
/// each response is what its channel delivered (SFTP: the file written to the partner's drop; portal: the inbox
/// download), and the evidence answer's document and text are what the partner sent.
/// </summary>
public sealed class EvidencePackageTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,MI,REMARKS";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    private PortalHarness _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHarness.StartAsync(time: new FakeTimeProvider(PortalHarness.SampleMonday));

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task An_SFTP_order_supplemented_on_the_portal_is_packaged_byte_for_byte_as_received_and_delivered()
    {
        // VER 00 by SFTP, Monday 12:30 in Denver.
        var sftpRequest = $"{Header}\nACM,PKG-1,00,ACMW,6001,C,CB,V,2026-03-06,5035550900,Y,A1001,97201,5035550101,,\n";
        var sftp = await _portal.ReceiveAsync("ACME", Channel.Sftp, "acme-pkg.lsr.csv", sftpRequest);
        var sftpDelivered = ResponseWriter.Bytes(sftp.Rows); // what the SFTP adapter writes into the partner's out folder
        var orderId = _portal.OrderId("ACME", "LSR", "PKG-1");

        // VER 01, a SUP 2 (new due date) from the order's supplement form, an hour later.
        _portal.Time.Advance(TimeSpan.FromHours(1));
        using var partner = await _portal.PartnerClientAsync("lsr@acme.example", "ACME", Privileges.Lsr | Privileges.View);
        var path = $"/Partner/Submit/Supplement?order={orderId}";
        var fields = SubmitTests.Lsr("PKG-1", ver: "01");
        fields["F[DDD]"] = "2026-03-09";
        fields["SupType"] = "2";
        Assert.Equal(HttpStatusCode.OK, (await PortalHarness.PostAsync(partner, path, await PortalHarness.FormAsync(partner, path), fields)).StatusCode);
        var portalAnswer = Assert.Single(_portal.Intake.Inbox("ACME", 10));
        var portalDelivered = await partner.GetByteArrayAsync($"/Partner/Inbox/Download?id={portalAnswer.Id}");

        // A dispute: the desk asks, the partner answers with a PDF and text.
        await _portal.AddUserAsync("desk@integra.example", PortalRoles.Desk, null, Password);
        using var desk = _portal.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHarness.SignInAsync(desk, "desk@integra.example", Password)).StatusCode);
        var opened = await PortalHarness.PostFormAsync(desk, $"/Staff/Orders/Detail?id={orderId}", new Dictionary<string, string> { ["reason"] = "The end user disputes the port." }, $"/Staff/Disputes/Open?order={orderId}");
        var location = opened.Headers.Location!.ToString();
        var requestId = long.Parse(location[(location.IndexOf("id=", StringComparison.Ordinal) + 3)..], CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(partner, requestId, "Signed LOA of 2026-03-01.", "loa.pdf", Pdf)).StatusCode);

        var zipBytes = await desk.GetByteArrayAsync($"/Staff/Disputes/Package?order={orderId}");
        using var zip = new ZipArchive(new MemoryStream(zipBytes));

        // Every entry is in the manifest with its hash and size, and the manifest lists nothing else.
        var manifest = Text(zip.GetEntry("MANIFEST.csv")!).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        Assert.Equal(zip.Entries.Select(e => e.FullName).Where(n => n != "MANIFEST.csv").Order(StringComparer.Ordinal), manifest.Select(m => m[0]).Order(StringComparer.Ordinal));
        foreach (var cells in manifest)
        {
            var body = Bytes(zip.GetEntry(cells[0])!);
            Assert.Equal(cells[1], Convert.ToHexStringLower(SHA256.HashData(body)));
            Assert.Equal(cells[2], body.Length.ToString(CultureInfo.InvariantCulture));
        }

        // The SFTP version as recorded; the portal version as the request file the form became, byte for byte.
        using (var v00 = JsonDocument.Parse(Bytes(zip.GetEntry("requests/00-acme-pkg.lsr.csv.version.json")!)))
        {
            Assert.Equal(("sftp", "acme-pkg.lsr.csv", "00"), (v00.RootElement.GetProperty("channel").GetString(), v00.RootElement.GetProperty("file").GetString(), v00.RootElement.GetProperty("ver").GetString()));
        }

        var portalRequest = Assert.Single(zip.Entries, e => e.FullName.StartsWith("requests/01-", StringComparison.Ordinal));
        IReadOnlyList<EvidenceStore.SubmittedFile> submitted;
        using (var uow = _portal.OpenOrders())
        {
            submitted = await uow.Evidence.SubmittedAsync("ACME", portalRequest.FullName["requests/01-".Length..], CancellationToken.None);
        }

        Assert.Equal(Assert.Single(submitted).Content, Bytes(portalRequest));
        var supplementRow = Text(portalRequest).Split('\n')[1];
        Assert.Contains("PKG-1", supplementRow, StringComparison.Ordinal);
        Assert.Contains("2026-03-09", supplementRow, StringComparison.Ordinal);

        // Each response is what its channel delivered.
        var responses = zip.Entries.Where(e => e.FullName.StartsWith("responses/", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
        Assert.Equal(2, responses.Count);
        Assert.Equal($"responses/01-{sftp.ResponseName}", responses[0].FullName);
        Assert.Equal(sftpDelivered, Bytes(responses[0]));
        Assert.Equal($"responses/02-{portalAnswer.FileName}", responses[1].FullName);
        Assert.Equal(portalDelivered, Bytes(responses[1]));
        var sources = manifest.ToDictionary(m => m[0], m => m[3]);
        Assert.StartsWith("response delivered by SFTP", sources[responses[0].FullName], StringComparison.Ordinal);

        // The evidence as the partner sent it.
        var answerEntries = zip.Entries.Where(e => e.FullName.StartsWith($"evidence/request-{requestId}/answer-", StringComparison.Ordinal)).ToList();
        Assert.Equal(Pdf, Bytes(Assert.Single(answerEntries, e => e.FullName.EndsWith("-loa.pdf", StringComparison.Ordinal))));
        Assert.Equal("Signed LOA of 2026-03-01.", Text(Assert.Single(answerEntries, e => e.FullName.EndsWith(".txt", StringComparison.Ordinal))));
        Assert.Contains($"PKG-1", Text(zip.GetEntry("audit.csv")!), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, long id, string text, string name, byte[] content)
    {
        var page = await client.GetStringAsync($"/Partner/Disputes/Detail?id={id}");
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent($"{id}"), "id" },
            { new StringContent(text), "text" },
            { new ByteArrayContent(content), "files", name },
        };
        return await client.PostAsync($"/Partner/Disputes/Detail?id={id}", multipart);
    }

    private static string Text(ZipArchiveEntry entry) => Encoding.UTF8.GetString(Bytes(entry));

    private static byte[] Bytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
