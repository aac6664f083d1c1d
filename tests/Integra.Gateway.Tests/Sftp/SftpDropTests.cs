using Integra.Gateway.Drops;
using Integra.Gateway.Drops.Sftp;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Sessions;
using Integra.Gateway.Tests.Servers;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using Integra.Gateway.Storage.Ledgers;

namespace Integra.Gateway.Tests.Sftp;

/// <summary>The SFTP channel against a real sshd: pickup, exactly-once, resilience, host keys, isolation.</summary>
[Collection(TestServers.Name)]
public sealed class SftpDropTests : IDisposable
{
    private static readonly Rules.Reference.ReferenceData Data = ReferenceDataLoader.Load(Repo.SampleData);
    private readonly TestServersFixture _server;
    private readonly TempDir _temp = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 3, 2, 17, 0));
    private readonly IUnitOfWork _store;
    private readonly string _root;
    private readonly List<IDisposable> _folders = [];

    public SftpDropTests(TestServersFixture server)
    {
        _server = server;
        _store = TestStores.Open(_temp.File("gateway.db"), _clock);
        _root = Path.Combine(server.Root, Guid.NewGuid().ToString("N"));
    }

    private string Dir(string partner, string folder) => Path.Combine(_root, partner, folder);

    private string[] Files(string partner, string folder) => Directory.GetFiles(Dir(partner, folder)).Select(Path.GetFileName).Order().ToArray()!;

    private SftpDropFolder Folder(string partner, string? hostKey = null)
    {
        var folder = new SftpDropFolder(partner, _server.Settings(Path.Combine(_root, partner), hostKey), NullLogger.Instance);
        _folders.Add(folder);
        return folder;
    }

    private DropPoller Poller(string partner, IDropFolder folder) => new(
        Data.Partner(partner)!, "sftp", folder, new RequestFileProcessor(Data, new PolicyOptions(), new Intake.IntakeLimits(), _store),
        _store.Intake, _clock, Duration.FromSeconds(1), NullLogger.Instance);

    private void Upload(string partner, string name, string? source = null) =>
        File.Copy(source ?? Directory.GetFiles(Repo.SampleDrop(partner), "*.csv")[0], Path.Combine(Dir(partner, "in"), name));

    /// <summary>Two listings a quiet period apart: the second takes what is ready.</summary>
    private async Task<int> PollTwice(DropPoller poller)
    {
        var first = await poller.PollAsync(default);
        _clock.AdvanceSeconds(2);
        return first + await poller.PollAsync(default);
    }

    [Fact]
    public async Task A_normal_batch_is_answered_and_archived()
    {
        var poller = Poller("ACME", Folder("ACME"));
        Upload("ACME", "batch1.lsr.csv");
        Assert.Equal(1, await PollTwice(poller));
        Assert.Equal(["batch1.lsr.resp.csv"], Files("ACME", "out"));
        Assert.Equal(["batch1.lsr.csv"], Files("ACME", "archive"));
        Assert.Empty(Files("ACME", "in"));
        Assert.StartsWith("RESPTYP,CCNA,PON", File.ReadAllText(Path.Combine(Dir("ACME", "out"), "batch1.lsr.resp.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csr_file_and_its_loa_are_fetched_and_archived_together()
    {
        var poller = Poller("PORTCO", Folder("PORTCO"));
        Upload("PORTCO", "loa-a1001.pdf", Path.Combine(Repo.SampleDrop("PORTCO"), "loa-a1001.pdf"));
        Upload("PORTCO", "c.csr.csv", Path.Combine(Repo.SampleDrop("PORTCO"), "portco-0302.csr.csv"));
        Assert.Equal(1, await PollTwice(poller));
        var response = File.ReadAllLines(Path.Combine(Dir("PORTCO", "out"), "c.csr.resp.csv"));
        Assert.StartsWith("CSR,PRT,PC-CSR-1", response[1], StringComparison.Ordinal);
        Assert.Equal(["c.csr.csv", "loa-a1001.pdf"], Files("PORTCO", "archive"));
    }

    [Fact]
    public async Task A_file_still_being_written_is_not_taken_until_complete()
    {
        var poller = Poller("ACME", Folder("ACME"));
        var path = Path.Combine(Dir("ACME", "in"), "slow.lsr.csv");
        var content = File.ReadAllText(Directory.GetFiles(Repo.SampleDrop("ACME"), "*.csv")[0]);
        File.WriteAllText(path, content[..40]);
        Assert.Equal(0, await poller.PollAsync(default));
        _clock.AdvanceSeconds(2);
        File.AppendAllText(path, content[40..]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5)); // a new mtime even within the same second
        Assert.Equal(0, await poller.PollAsync(default));
        _clock.AdvanceSeconds(2);
        Assert.Equal(1, await poller.PollAsync(default));
        Assert.Contains("FOC", File.ReadAllText(Path.Combine(Dir("ACME", "out"), "slow.lsr.resp.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interrupted_processing_is_answered_exactly_once()
    {
        var failing = new FaultyFolder(Folder("ACME")) { FailResponse = true };
        Upload("ACME", "i.lsr.csv");
        await Assert.ThrowsAsync<IOException>(() => PollTwice(Poller("ACME", failing)));
        Assert.Empty(Files("ACME", "out"));

        failing.FailResponse = false;
        _clock.AdvanceDays(2);
        Assert.Equal(1, await PollTwice(Poller("ACME", failing)));
        Assert.Equal(1, failing.Responses);
        Assert.Equal(["i.lsr.resp.csv"], Files("ACME", "out"));
        Assert.Equal(["i.lsr.csv"], Files("ACME", "archive"));
    }

    [Fact]
    public async Task Killed_between_response_upload_and_archive_answers_exactly_once_after_restart()
    {
        var failing = new FaultyFolder(Folder("ACME")) { FailMove = true };
        Upload("ACME", "k.lsr.csv");
        await Assert.ThrowsAsync<IOException>(() => PollTwice(Poller("ACME", failing)));
        Assert.Equal(["k.lsr.resp.csv"], Files("ACME", "out"));
        Assert.Equal(["k.lsr.csv"], Files("ACME", "in"));

        failing.FailMove = false;
        Assert.Equal(1, await PollTwice(Poller("ACME", failing)));
        Assert.Equal(1, failing.Responses);
        Assert.Equal(["k.lsr.csv"], Files("ACME", "archive"));
    }

    [Fact]
    public async Task The_same_content_uploaded_again_gets_the_stored_response_not_a_new_decision()
    {
        var poller = Poller("ACME", Folder("ACME"));
        Upload("ACME", "s7.lsr.csv");
        await PollTwice(poller);
        var first = File.ReadAllText(Path.Combine(Dir("ACME", "out"), "s7.lsr.resp.csv"));
        File.Delete(Path.Combine(Dir("ACME", "out"), "s7.lsr.resp.csv"));

        _clock.AdvanceDays(9); // a new decision would now get other dates
        Upload("ACME", "s7.lsr.csv");
        Assert.Equal(1, await PollTwice(poller));
        Assert.Equal(first, File.ReadAllText(Path.Combine(Dir("ACME", "out"), "s7.lsr.2.resp.csv"))); // a new upload, a new number (SPEC §5)
    }

    [Fact]
    public async Task Sshd_stopped_and_restarted_mid_poll_is_survived()
    {
        var folder = Folder("ACME");
        var poller = Poller("ACME", folder);
        Upload("ACME", "r1.lsr.csv");
        await poller.PollAsync(default); // connected, file listed once
        _server.StopSftp();
        try
        {
            _clock.AdvanceSeconds(2);
            await Assert.ThrowsAnyAsync<Exception>(() => poller.PollAsync(default));
        }
        finally
        {
            _server.StartSftp();
        }

        Assert.Equal(1, await PollTwice(poller));
        Assert.Equal(["r1.lsr.resp.csv"], Files("ACME", "out"));
    }

    [Fact]
    public async Task A_wrong_host_key_is_refused()
    {
        var folder = Folder("ACME", hostKey: "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        Upload("ACME", "h.lsr.csv");
        await Assert.ThrowsAsync<HostKeyMismatchException>(() => folder.ListAsync(default));
        Assert.Equal(["h.lsr.csv"], Files("ACME", "in"));
    }

    [Fact]
    public async Task Path_traversal_names_cannot_escape_the_partners_folders()
    {
        var folder = Folder("ACME");
        await Assert.ThrowsAsync<ArgumentException>(() => folder.MoveAsync("../../../etc/passwd", toError: false, default));
        await Assert.ThrowsAsync<ArgumentException>(() => folder.DownloadAsync("../BRIDGE/in/x.lsr.csv", Stream.Null, default));
        await Assert.ThrowsAsync<ArgumentException>(() => folder.WriteResponseAsync("../../BRIDGE/out/x.resp.csv", [], default));
        await Assert.ThrowsAsync<ArgumentException>(() => folder.DownloadAsync("../../sftp/client_rsa", Stream.Null, default));
    }

    [Fact]
    public async Task Two_partners_stay_isolated()
    {
        var acme = Poller("ACME", Folder("ACME"));
        var bridge = Poller("BRIDGE", Folder("BRIDGE"));
        Upload("ACME", "same.lsr.csv");
        Upload("BRIDGE", "same.lsr.csv");
        await acme.PollAsync(default);
        await bridge.PollAsync(default);
        _clock.AdvanceSeconds(2);
        Assert.Equal(1, await acme.PollAsync(default));
        Assert.Equal(1, await bridge.PollAsync(default));
        Assert.DoesNotContain("BRG", File.ReadAllText(Path.Combine(Dir("ACME", "out"), "same.lsr.resp.csv")), StringComparison.Ordinal);
        Assert.DoesNotContain("ACM", File.ReadAllText(Path.Combine(Dir("BRIDGE", "out"), "same.lsr.resp.csv")), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            folder.Dispose();
        }

        _store.Dispose();
        _temp.Dispose();
    }
}
