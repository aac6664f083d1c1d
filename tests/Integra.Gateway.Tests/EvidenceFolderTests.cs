using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Integra.Gateway.Portal.Disputes;
using Integra.Gateway.Storage.Evidence;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 27 item 5: evidence documents in a configured folder (<c>Disputes:EvidenceFolder</c>), content addressed by
/// SHA-256, or in the database; either way the hash is checked on every read, a tampered or missing file is refused
/// with its name (and no package is built), and a store that moves to a folder still reads what it kept before.
/// </summary>
public sealed class EvidenceFolderTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
    private static readonly Instant Answered = EvidenceOverdueTests.EndOfThe5th - Duration.FromHours(2);

    private static (int Code, string Out, string Error) Evidence(CliHarness cli, string folder, string zip) =>
        GatewayProcess.RunWithErrors(
            TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["INTEGRA_Disputes__EvidenceFolder"] = folder },
            "evidence", "--pon", "BR-2001", "--partner", "BRIDGE", "--out", zip, "--db", cli.Db);

    private static async Task<long> Answer(PortalEvidence store, long request, params EvidenceDocument[] documents) =>
        await store.AddAnswerAsync("BRIDGE", request, "lsr@bridge.example", "see attached", documents, Answered, CancellationToken.None) ?? throw new InvalidOperationException("not answerable");

    /// <summary>The evidence of <paramref name="cli"/>'s store as the portal has it with <paramref name="settings"/>.</summary>
    private static PortalEvidence Store(CliHarness cli, DisputesSettings settings) => new(TestStores.Factory(cli.Db, SystemClock.Instance), settings);

    /// <summary>Every document of an order, as the package reads them.</summary>
    private static async Task<IReadOnlyList<EvidenceFileContent>> FilesOfOrderAsync(CliHarness cli, PortalEvidence store, long orderId)
    {
        using var uow = TestStores.Open(cli.Db, SystemClock.Instance);
        return await uow.Evidence.FilesOfOrderAsync(orderId, store.Folder, CancellationToken.None);
    }

    private static (string StoredIn, byte[] Content) Row(string db, long fileId)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        return connection.QuerySingle<(string, byte[])>("SELECT stored_in, content FROM evidence_files WHERE id = @fileId", new { fileId });
    }

    [Fact]
    public async Task Documents_go_into_the_folder_by_their_hash_once_per_content_and_the_package_holds_them_byte_for_byte()
    {
        var (cli, orderId) = await EvidenceOverdueTests.Seeded();
        using var harness = cli;
        var folder = Path.Combine(cli.Dir, "evidence");
        var store = Store(cli, new DisputesSettings { EvidenceFolder = folder });
        var request = await EvidenceOverdueTests.Open(store, orderId, new LocalDate(2026, 3, 5), EvidenceOverdueTests.EndOfThe5th);
        await Answer(store, request, new EvidenceDocument("loa.pdf", "application/pdf", Pdf), new EvidenceDocument("bill.png", "image/png", Png));
        await Answer(store, request, new EvidenceDocument("loa-again.pdf", "application/pdf", Pdf));

        var pdfHash = Convert.ToHexStringLower(SHA256.HashData(Pdf));
        var pngHash = Convert.ToHexStringLower(SHA256.HashData(Png));
        Assert.Equal(
            new[] { Path.Combine(folder, pdfHash[..2], pdfHash), Path.Combine(folder, pngHash[..2], pngHash) }.Order(StringComparer.Ordinal),
            Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        var infos = (await store.AnswersAsync(null, request, CancellationToken.None)).SelectMany(a => a.Files).ToList();
        Assert.Equal(3, infos.Count);
        Assert.All(infos, f => Assert.Equal(("folder", 0), (Row(cli.Db, f.Id).StoredIn, Row(cli.Db, f.Id).Content.Length)));
        Assert.Equal(Pdf, (await store.ReadFileAsync("BRIDGE", infos[2].Id, CancellationToken.None))!.Content);
        Assert.Null(await store.ReadFileAsync("ACME", infos[2].Id, CancellationToken.None));

        var zip = Path.Combine(cli.Dir, "package.zip");
        var (code, output, error) = Evidence(cli, folder, zip);
        Assert.True(code == 0, error);
        Assert.Contains("sha256", output, StringComparison.Ordinal);
        using var package = ZipFile.OpenRead(zip);
        var manifest = Bytes(package.GetEntry("MANIFEST.csv")!);
        foreach (var info in infos)
        {
            var entry = package.Entries.Single(e => e.FullName.EndsWith($"-{info.Id}-{info.Name}", StringComparison.Ordinal));
            Assert.Equal(info.Name.EndsWith(".png", StringComparison.Ordinal) ? Png : Pdf, Bytes(entry));
            Assert.Contains($"{entry.FullName},{info.Sha256},{info.Size},", Encoding.UTF8.GetString(manifest), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_tampered_folder_file_is_refused_by_the_store_and_the_package_names_it_and_a_missing_one_too()
    {
        var (cli, orderId) = await EvidenceOverdueTests.Seeded();
        using var harness = cli;
        var folder = Path.Combine(cli.Dir, "evidence");
        var store = Store(cli, new DisputesSettings { EvidenceFolder = folder });
        var request = await EvidenceOverdueTests.Open(store, orderId, new LocalDate(2026, 3, 5), EvidenceOverdueTests.EndOfThe5th);
        await Answer(store, request, new EvidenceDocument("loa.pdf", "application/pdf", Pdf));
        var file = Assert.Single((await store.AnswersAsync(null, request, CancellationToken.None)).SelectMany(a => a.Files));
        var path = new EvidenceFolder(folder).PathOf(file.Sha256);

        File.Delete(path); // read-only, in a folder the gateway may write
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes("%PDF-1.4\nevil\n"));
        var tampered = await Assert.ThrowsAsync<EvidenceIntegrityException>(() => store.ReadFileAsync(null, file.Id, CancellationToken.None));
        Assert.Equal($"evidence file {file.Id} (loa.pdf)", tampered.What);
        Assert.StartsWith($"evidence file {file.Id} (loa.pdf) does not match its recorded SHA-256: recorded {file.Sha256}", tampered.Message, StringComparison.Ordinal);
        var zip = Path.Combine(cli.Dir, "package.zip");
        var (code, _, error) = Evidence(cli, folder, zip);
        Assert.Equal(1, code);
        Assert.StartsWith($"integra-gateway: no package written: evidence file {file.Id} (loa.pdf) does not match its recorded SHA-256", error.Trim(), StringComparison.Ordinal);
        Assert.False(File.Exists(zip));

        // The same bytes answered again are not written over the damaged file: the answer is refused, the file kept.
        await Assert.ThrowsAsync<EvidenceIntegrityException>(() => Answer(store, request, new EvidenceDocument("loa.pdf", "application/pdf", Pdf)));
        Assert.Equal("%PDF-1.4\nevil\n", File.ReadAllText(path));

        File.Delete(path);
        var missing = await Assert.ThrowsAsync<EvidenceIntegrityException>(() => FilesOfOrderAsync(cli, store, orderId));
        Assert.Equal($"evidence file {file.Id} (loa.pdf) is missing: no bytes at {path}; it is not served", missing.Message);
        (code, _, error) = Evidence(cli, folder, zip);
        Assert.Equal(1, code);
        Assert.Contains($"evidence file {file.Id} (loa.pdf) is missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_moved_to_a_folder_reads_its_database_documents_and_one_without_the_folder_refuses_the_folder_ones()
    {
        var (cli, orderId) = await EvidenceOverdueTests.Seeded();
        using var harness = cli;
        var folder = Path.Combine(cli.Dir, "evidence");
        var inDatabase = Store(cli, new DisputesSettings());
        var request = await EvidenceOverdueTests.Open(inDatabase, orderId, new LocalDate(2026, 3, 5), EvidenceOverdueTests.EndOfThe5th);
        await Answer(inDatabase, request, new EvidenceDocument("loa.pdf", "application/pdf", Pdf));
        var inFolder = Store(cli, new DisputesSettings { EvidenceFolder = folder });
        await Answer(inFolder, request, new EvidenceDocument("bill.png", "image/png", Png));
        var files = (await inFolder.AnswersAsync(null, request, CancellationToken.None)).SelectMany(a => a.Files).ToList();
        var (first, second) = (files[0], files[1]);

        var row = Row(cli.Db, first.Id);
        Assert.Equal("database", row.StoredIn);
        Assert.Equal(Pdf, row.Content);
        Assert.Equal("folder", Row(cli.Db, second.Id).StoredIn);
        Assert.Equal([Pdf, Png], (await FilesOfOrderAsync(cli, inFolder, orderId)).Select(f => f.Content));
        Assert.Equal(Pdf, (await inDatabase.ReadFileAsync(null, first.Id, CancellationToken.None))!.Content);
        var refused = await Assert.ThrowsAsync<EvidenceIntegrityException>(() => inDatabase.ReadFileAsync(null, second.Id, CancellationToken.None));
        Assert.Contains("Disputes:EvidenceFolder is not set", refused.Message, StringComparison.Ordinal);

        // A document kept in the database is checked the same way.
        using (var connection = new SqliteConnection($"Data Source={cli.Db};Pooling=False"))
        {
            connection.Execute("UPDATE evidence_files SET content = @evil WHERE id = @Id", new { evil = Encoding.ASCII.GetBytes("%PDF-evil"), first.Id });
        }

        Assert.Contains($"evidence file {first.Id} (loa.pdf) does not match", (await Assert.ThrowsAsync<EvidenceIntegrityException>(() => inFolder.ReadFileAsync(null, first.Id, CancellationToken.None))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_evidence_folder_that_cannot_be_written_stops_run_with_one_line()
    {
        // A file where the folder should be: root cannot write there either.
        using var temp = new TempDir();
        var blocker = temp.File("not-a-folder");
        File.WriteAllText(blocker, "x");
        var settings = new Dictionary<string, object>
        {
            ["Gateway"] = new Dictionary<string, object> { ["DataDirectory"] = Repo.SampleData, ["Database"] = temp.File("gateway.db") },
            ["LocalDrop"] = new Dictionary<string, object> { ["Root"] = temp.File("drop"), ["SeedFrom"] = string.Empty },
            ["Lifecycle"] = new Dictionary<string, object> { ["SweepEnabled"] = false, ["NpacOutbox"] = temp.File("npac") },
            ["Portal"] = new Dictionary<string, object> { ["Enabled"] = false },
            ["Disputes"] = new Dictionary<string, object> { ["EvidenceFolder"] = Path.Combine(blocker, "evidence") },
        };
        var config = temp.File("settings.json");
        File.WriteAllText(config, System.Text.Json.JsonSerializer.Serialize(settings));

        var (code, output, error) = GatewayProcess.RunWithErrors(TimeSpan.FromMinutes(2), "run", "--config", config);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"integra-gateway: Disputes:EvidenceFolder: cannot write in {Path.Combine(blocker, "evidence")}", error.Trim(), StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    private static byte[] Bytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
