using Integra.Gateway.Drops;
using Integra.Gateway.Drops.Sftp;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Outbox;
using Integra.Gateway.Storage.Sessions;
using Integra.Gateway.Tests.Servers;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using Integra.Gateway.Storage.Ledgers;

namespace Integra.Gateway.Tests.Sftp;

/// <summary>
/// Issue 14 on a real sshd: the later answers of an order (review FOC, sweep cancels) reach the partner's outbound
/// folder on the channel its request came on, exactly once, and never another channel of the partner.
/// </summary>
[Collection(TestServers.Name)]
public sealed class SftpAnswerTests : IDisposable
{
    private static readonly Rules.Reference.ReferenceData Data = ReferenceDataLoader.Load(Repo.SampleData);
    private readonly TestServersFixture _server;
    private readonly CliHarness _cli = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 3, 2, 17, 0)); // Monday 10:00 Pacific
    private readonly IUnitOfWork _store;
    private readonly string _root;
    private readonly List<IDisposable> _folders = [];

    public SftpAnswerTests(TestServersFixture server)
    {
        _server = server;
        _store = TestStores.Open(_cli.Db, _clock);
        _root = Path.Combine(server.Root, Guid.NewGuid().ToString("N"));
    }

    private string Dir(string partner, string folder) => Path.Combine(_root, partner, folder);

    private string[] Files(string partner, string folder) => Directory.GetFiles(Dir(partner, folder)).Select(Path.GetFileName).Order().ToArray()!;

    private SftpDropFolder Folder(string partner)
    {
        var folder = new SftpDropFolder(partner, _server.Settings(Path.Combine(_root, partner)), NullLogger.Instance);
        _folders.Add(folder);
        return folder;
    }

    private DropPoller Poller(string partner, string channel, IDropFolder folder) => new(
        Data.Partner(partner)!, channel, folder, new RequestFileProcessor(Data, new PolicyOptions(), new Intake.IntakeLimits(), _store),
        _store.Intake, _clock, Duration.FromSeconds(1), NullLogger.Instance);

    private async Task PollTwice(DropPoller poller)
    {
        await poller.PollAsync(default);
        _clock.AdvanceSeconds(2);
        await poller.PollAsync(default);
    }

    /// <summary>BRIDGE's sample: BR-2001 asks for an expedite (PND X01), BR-2002 is FOC'd.</summary>
    private async Task<DropPoller> BridgeFileAnswered(IDropFolder folder)
    {
        File.Copy(Path.Combine(Repo.SampleDrop("BRIDGE"), "bridge-0302.lsr.csv"), Path.Combine(Dir("BRIDGE", "in"), "bridge.lsr.csv"));
        var poller = Poller("BRIDGE", "sftp", folder);
        await PollTwice(poller);
        Assert.Contains("PND,BRG,BR-2001,00,", File.ReadAllText(Path.Combine(Dir("BRIDGE", "out"), "bridge.lsr.resp.csv")), StringComparison.Ordinal);
        return poller;
    }

    [Fact]
    public async Task An_sftp_lsr_pending_review_gets_the_review_foc_in_the_partners_outbound()
    {
        var poller = await BridgeFileAnswered(Folder("BRIDGE"));
        Assert.Equal(0, await _cli.Review("BRIDGE", "BR-2001", "2026-03-02T14:00:00-07:00", "--approve"));

        await poller.PollAsync(default);
        Assert.Equal(["bridge.lsr.resp.csv", "review-BR-2001-00.resp.csv"], Files("BRIDGE", "out"));
        var foc = File.ReadAllLines(Path.Combine(Dir("BRIDGE", "out"), "review-BR-2001-00.resp.csv"));
        Assert.All(foc.Skip(1), row => Assert.StartsWith("FOC,BRG,BR-2001,00,", row, StringComparison.Ordinal));
        Assert.Contains(",2026-03-03,", foc[1], StringComparison.Ordinal);
        Assert.Empty((await _store.Outbox.PendingAsync(Rules.Model.Channel.Sftp, null, CancellationToken.None)));
    }

    [Fact]
    public async Task Killed_between_recording_a_review_foc_and_its_delivery_delivers_it_exactly_once()
    {
        var crashing = new FaultyFolder(Folder("BRIDGE"));
        await BridgeFileAnswered(crashing);
        Assert.Equal(0, await _cli.Review("BRIDGE", "BR-2001", "2026-03-02T14:00:00-07:00", "--approve"));

        // The daemon dies while delivering the FOC the review recorded.
        crashing.FailResponse = true;
        var before = crashing.Responses;
        await Assert.ThrowsAsync<IOException>(() => Poller("BRIDGE", "sftp", crashing).PollAsync(default));
        Assert.DoesNotContain("review-BR-2001-00.resp.csv", Files("BRIDGE", "out"));

        // Restarted: delivered once, and never again.
        crashing.FailResponse = false;
        var restarted = Poller("BRIDGE", "sftp", crashing);
        await restarted.PollAsync(default);
        await restarted.PollAsync(default);
        Assert.Equal(before + 1, crashing.Responses);
        Assert.Contains("review-BR-2001-00.resp.csv", Files("BRIDGE", "out"));
    }

    [Fact]
    public async Task An_orders_can_e01_goes_only_to_the_channel_its_request_came_on()
    {
        const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN";
        var local = new LocalDropFolder(Path.Combine(_cli.Dir, "drop", "ACME"));
        local.EnsureFolders();
        File.WriteAllText(Path.Combine(local.Location, "in", "local.lsr.csv"), $"{Header}\nACM,CH-LOCAL,00,ACMW,6001,C,CB,V,2026-03-04,5035550900,Y,A1001,97201,5035550101\n");
        Directory.CreateDirectory(Dir("ACME", "in"));
        var sftp = Folder("ACME");
        File.WriteAllText(Path.Combine(Dir("ACME", "in"), "sftp.lsr.csv"), $"{Header}\nACM,CH-SFTP,00,ACMW,6001,C,CB,V,2026-03-04,5035550900,Y,A1009,83702,2085550101\n");
        var localPoller = Poller("ACME", "local", local);
        var sftpPoller = Poller("ACME", "sftp", sftp);
        await localPoller.PollAsync(default);
        await sftpPoller.PollAsync(default);
        _clock.AdvanceSeconds(2);
        await localPoller.PollAsync(default);
        await sftpPoller.PollAsync(default);

        Assert.Equal(0, await _cli.Sweep("2026-03-12T06:00:00-07:00"));
        await localPoller.PollAsync(default);
        await sftpPoller.PollAsync(default);

        var localCans = Directory.GetFiles(Path.Combine(local.Location, "out"), "sweep-*").SelectMany(File.ReadAllLines).Where(l => l.StartsWith("CAN,", StringComparison.Ordinal)).ToList();
        var sftpCans = Directory.GetFiles(Dir("ACME", "out"), "sweep-*").SelectMany(File.ReadAllLines).Where(l => l.StartsWith("CAN,", StringComparison.Ordinal)).ToList();
        Assert.All(localCans, l => Assert.StartsWith("CAN,ACM,CH-LOCAL,", l, StringComparison.Ordinal));
        Assert.All(sftpCans, l => Assert.StartsWith("CAN,ACM,CH-SFTP,", l, StringComparison.Ordinal));
        Assert.NotEmpty(localCans);
        Assert.NotEmpty(sftpCans);
    }

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            folder.Dispose();
        }

        _store.Dispose();
        _cli.Dispose();
    }
}
