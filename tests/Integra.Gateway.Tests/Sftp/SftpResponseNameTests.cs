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

/// <summary>Issue 24, SPEC §5 on a real sshd: numbered response names and orphaned temporary files in the SFTP outbound folder.</summary>
[Collection(TestServers.Name)]
public sealed class SftpResponseNameTests : IDisposable
{
    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN";
    private static readonly Rules.Reference.ReferenceData Data = ReferenceDataLoader.Load(Repo.SampleData);
    private readonly TestServersFixture _server;
    private readonly TempDir _temp = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 3, 2, 17, 0));
    private readonly IUnitOfWork _store;
    private readonly string _root;
    private readonly List<IDisposable> _folders = [];

    public SftpResponseNameTests(TestServersFixture server)
    {
        _server = server;
        _store = TestStores.Open(_temp.File("gateway.db"), _clock);
        _root = Path.Combine(server.Root, Guid.NewGuid().ToString("N"));
        foreach (var folder in new[] { "in", "out", "archive", "error" })
        {
            Directory.CreateDirectory(Dir(folder));
        }
    }

    private string Dir(string folder) => Path.Combine(_root, "ACME", folder);

    private string[] Files(string folder) => Directory.GetFiles(Dir(folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private SftpDropFolder Folder()
    {
        var folder = new SftpDropFolder("ACME", _server.Settings(Path.Combine(_root, "ACME")), NullLogger.Instance);
        _folders.Add(folder);
        return folder;
    }

    private DropPoller Poller(IDropFolder folder) => new(
        Data.Partner("ACME")!, "sftp", folder, new RequestFileProcessor(Data, new PolicyOptions(), new Intake.IntakeLimits(), _store),
        _store.Intake, _clock, Duration.FromSeconds(1), NullLogger.Instance);

    private void Upload(string name, string pon, string tn) =>
        File.WriteAllText(Path.Combine(Dir("in"), name), $"{Header}\nACM,{pon},00,ACMW,6001,C,CB,V,2026-03-04,5035550900,Y,A1001,97201,{tn}\n");

    private async Task<int> PollTwice(DropPoller poller)
    {
        var first = await poller.PollAsync(default);
        _clock.AdvanceSeconds(2);
        return first + await poller.PollAsync(default);
    }

    private string Pon(string name) => File.ReadAllLines(Path.Combine(Dir("out"), name))[1].Split(',')[2];

    [Fact]
    public async Task Two_uploads_of_the_same_name_over_sftp_are_both_answered_and_a_third_is_numbered_3()
    {
        var poller = Poller(Folder());
        foreach (var (pon, tn) in new[] { ("S-1", "5035550101"), ("S-2", "5035550102"), ("S-3", "5035550103") })
        {
            Upload("batch.lsr.csv", pon, tn);
            Assert.Equal(1, await PollTwice(poller));
        }

        Assert.Equal(["batch.lsr.2.resp.csv", "batch.lsr.3.resp.csv", "batch.lsr.resp.csv"], Files("out"));
        Assert.Equal(("S-1", "S-2", "S-3"), (Pon("batch.lsr.resp.csv"), Pon("batch.lsr.2.resp.csv"), Pon("batch.lsr.3.resp.csv")));
    }

    [Fact]
    public async Task A_crash_between_uploading_and_recording_redelivers_under_the_same_name_over_sftp()
    {
        var folder = Folder();
        Upload("k.lsr.csv", "K-1", "5035550101");
        await PollTwice(Poller(folder));

        var crashing = new FaultyFolder(folder) { FailAfterResponse = true };
        var dying = Poller(crashing);
        Upload("k.lsr.csv", "K-2", "5035550102");
        await dying.PollAsync(default);
        _clock.AdvanceSeconds(2);
        await Assert.ThrowsAsync<IOException>(() => dying.PollAsync(default));

        crashing.FailAfterResponse = false;
        Assert.Equal(1, await PollTwice(Poller(crashing)));
        Assert.Equal(["k.lsr.2.resp.csv", "k.lsr.2.resp.csv"], crashing.Written);
        Assert.Equal(["k.lsr.2.resp.csv", "k.lsr.resp.csv"], Files("out"));
        Assert.Equal(("K-1", "K-2"), (Pon("k.lsr.resp.csv"), Pon("k.lsr.2.resp.csv")));
    }

    [Fact]
    public async Task A_stale_temporary_file_is_removed_from_the_sftp_outbound_and_a_fresh_one_and_the_partners_own_are_kept()
    {
        var now = _clock.GetCurrentInstant().ToDateTimeUtc();
        string Put(string name, TimeSpan age)
        {
            var path = Path.Combine(Dir("out"), name);
            File.WriteAllText(path, string.Empty);
            File.SetLastWriteTimeUtc(path, now - age);
            return name;
        }

        Put($".left.lsr.resp.csv.{Guid.NewGuid():N}.tmp", TimeSpan.FromMinutes(5));
        var fresh = Put($".busy.lsr.resp.csv.{Guid.NewGuid():N}.tmp", TimeSpan.FromSeconds(10));
        var own = Put(".partner.tmp", TimeSpan.FromDays(2));

        await Poller(Folder()).PollAsync(default);
        Assert.Equal(new[] { fresh, own }.Order(StringComparer.Ordinal), Files("out"));
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
