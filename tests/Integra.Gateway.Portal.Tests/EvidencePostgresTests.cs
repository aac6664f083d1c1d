using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Integra.Gateway.Operations;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Disputes;
using Integra.Gateway.PortalHosting;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Evidence;
using Integra.Gateway.Tests.Servers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Issue 27 item 4: the evidence store on PostgreSQL (BYTEA documents, identity ids, text instants): requests,
/// answers, documents and the package through the portal with the documents in the database, and the store with the
/// documents in a folder, a tampered one refused by the store and by the package.
/// </summary>
[Collection(Postgres.Name)]
public sealed partial class EvidencePostgresTests(PostgresFixture pg)
{
    private const string Password = "correct horse battery";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1, 0xFF, 0xD9];

    [SkippableFact]
    public async Task Requests_answers_decisions_documents_and_the_package_work_on_PostgreSQL()
    {
        await using var portal = await PortalHarness.StartAsync(pg.NewDatabase(), new FakeTimeProvider(PortalHarness.SampleMonday));
        await portal.ReceiveAsync("BRIDGE", "bridge-0302.lsr.csv", Channel.Sftp);
        var order = portal.OrderId("BRIDGE", "LSR", "BR-2001");
        await portal.AddUserAsync("desk@integra.example", PortalRoles.Desk, null, Password);
        using var desk = portal.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHarness.SignInAsync(desk, "desk@integra.example", Password)).StatusCode);
        using var lsr = await portal.PartnerClientAsync("lsr@bridge.example", "BRIDGE", Privileges.Lsr);

        var opened = await PortalHarness.PostFormAsync(desk, $"/Staff/Orders/Detail?id={order}", new Dictionary<string, string> { ["reason"] = "Slamming complaint.", ["tns"] = "6025550101" }, $"/Staff/Disputes/Open?order={order}");
        var location = opened.Headers.Location!.ToString();
        var id = long.Parse(location[(location.IndexOf("id=", StringComparison.Ordinal) + 3)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(lsr, id, "LOA attached.", ("loa.pdf", Pdf))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(desk, id, "Reject", "Not signed.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(lsr, id, "Signed one, and the bill.", ("signed.pdf", Pdf), ("bill.jpg", Jpeg))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(desk, id, "Accept", "Signature matches.")).StatusCode);

        var store = portal.Gateway.Services.GetRequiredService<DisputeServices>().Store;
        var request = (await store.FindAsync("BRIDGE", id, CancellationToken.None))!;
        Assert.Equal((EvidenceStates.Accepted, "Signature matches."), (request.State, request.Decision));
        Assert.Equal(["6025550101"], request.Tns);
        Assert.Null(await store.FindAsync("ACME", id, CancellationToken.None));
        var answers = await store.AnswersAsync("BRIDGE", id, CancellationToken.None);
        Assert.Equal(["LOA attached.", "Signed one, and the bill."], answers.Select(a => a.Text));
        Assert.Equal(["loa.pdf", "signed.pdf", "bill.jpg"], answers.SelectMany(a => a.Files).Select(f => f.Name));
        var bill = answers[1].Files[1];
        Assert.Equal(("image/jpeg", (long)Jpeg.Length, Convert.ToHexStringLower(SHA256.HashData(Jpeg))), (bill.ContentType, bill.Size, bill.Sha256));
        Assert.Equal(Jpeg, await lsr.GetByteArrayAsync($"/Partner/Disputes/Detail?id={id}&handler=File&file={bill.Id}"));

        var zip = new ZipArchive(new MemoryStream(await desk.GetByteArrayAsync($"/Staff/Disputes/Package?order={order}")));
        foreach (var line in Text(zip.GetEntry("MANIFEST.csv")!).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var cells = line.TrimEnd('\r').Split(',');
            Assert.Equal(cells[1], Convert.ToHexStringLower(SHA256.HashData(Bytes(zip.GetEntry(cells[0])!))));
        }

        Assert.Equal(Jpeg, Bytes(zip.Entries.Single(e => e.FullName == $"evidence/request-{id}/answer-{answers[1].Id}-{bill.Id}-bill.jpg")));
    }

    [SkippableFact]
    public async Task Documents_in_a_folder_over_PostgreSQL_are_read_checked_and_packaged_and_a_tampered_one_is_refused()
    {
        var database = pg.NewDatabase();
        await using var portal = await PortalHarness.StartAsync(database, new FakeTimeProvider(PortalHarness.SampleMonday));
        await portal.ReceiveAsync("BRIDGE", "bridge-0302.lsr.csv", Channel.Sftp);
        var order = portal.OrderId("BRIDGE", "LSR", "BR-2001");
        using var temp = new Gateway.Tests.TempDir();
        var folder = new EvidenceFolder(temp.File("evidence"));
        var store = new PortalEvidence(portal.Gateway.Services.GetRequiredService<UnitOfWorkFactory>(), folder);
        var dueAt = Instant.FromUtc(2026, 3, 6, 7, 0);
        var id = await store.AddAsync(new NewEvidenceRequest(order, "BRIDGE", "LSR", "BR-2001", "Slamming complaint.", ["6025550101"], new LocalDate(2026, 3, 5), dueAt, "desk@integra.example", Instant.FromUtc(2026, 3, 2, 20, 0)), CancellationToken.None);
        var answered = await store.AddAnswerAsync("BRIDGE", id, "lsr@bridge.example", "LOA and bill.", [new("loa.pdf", "application/pdf", Pdf), new("bill.jpg", "image/jpeg", Jpeg)], dueAt - Duration.FromHours(1), CancellationToken.None);
        Assert.NotNull(answered);
        Assert.Null(await store.AddAnswerAsync("BRIDGE", id, "lsr@bridge.example", "late", [new("late.pdf", "application/pdf", Pdf)], dueAt, CancellationToken.None));

        var files = (await store.AnswersAsync(null, id, CancellationToken.None)).Single().Files;
        Assert.Equal(Jpeg, (await store.ReadFileAsync("BRIDGE", files[1].Id, CancellationToken.None))!.Content);
        Assert.Null(await store.ReadFileAsync("ACME", files[1].Id, CancellationToken.None));
        Assert.True(File.Exists(folder.PathOf(files[0].Sha256)));
        var packages = new EvidencePackageBuilder(portal.Gateway.Services.GetRequiredService<UnitOfWorkFactory>(), portal.Gateway.Services.GetRequiredService<OrderViews>(), folder);
        var zip = new ZipArchive(new MemoryStream((await packages.BuildAsync(order, CancellationToken.None))!.Content));
        Assert.Equal(Pdf, Bytes(zip.Entries.Single(e => e.FullName.EndsWith($"-{files[0].Id}-loa.pdf", StringComparison.Ordinal))));

        var path = folder.PathOf(files[1].Sha256);
        File.Delete(path); // read-only, in a folder the gateway may write
        File.WriteAllBytes(path, [.. Jpeg, 0]);
        Assert.StartsWith($"evidence file {files[1].Id} (bill.jpg) does not match its recorded SHA-256", (await Assert.ThrowsAsync<EvidenceIntegrityException>(() => store.ReadFileAsync(null, files[1].Id, CancellationToken.None))).Message, StringComparison.Ordinal);
        Assert.Equal($"evidence file {files[1].Id} (bill.jpg)", (await Assert.ThrowsAsync<EvidenceIntegrityException>(() => packages.BuildAsync(order, CancellationToken.None))).What);
    }

    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, long id, string text, params (string Name, byte[] Content)[] files)
    {
        var page = await client.GetStringAsync($"/Partner/Disputes/Detail?id={id}");
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(TokenField().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent($"{id}"), "id" },
            { new StringContent(text), "text" },
        };
        foreach (var (name, content) in files)
        {
            multipart.Add(new ByteArrayContent(content), "files", name);
        }

        return await client.PostAsync($"/Partner/Disputes/Detail?id={id}", multipart);
    }

    private static Task<HttpResponseMessage> DecideAsync(HttpClient desk, long id, string handler, string reason) =>
        PortalHarness.PostFormAsync(desk, $"/Staff/Disputes/Detail?id={id}", new Dictionary<string, string> { ["id"] = $"{id}", ["reason"] = reason }, $"/Staff/Disputes/Detail?handler={handler}");

    private static string Text(ZipArchiveEntry entry) => Encoding.UTF8.GetString(Bytes(entry));

    private static byte[] Bytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
