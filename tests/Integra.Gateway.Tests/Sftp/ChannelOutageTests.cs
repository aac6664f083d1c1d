using Integra.Gateway.Drops;
using Integra.Gateway.Drops.Sftp;
using Integra.Gateway.Hosting.Health;
using Integra.Gateway.Operations;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;
using Integra.Gateway.Tests.Servers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;

namespace Integra.Gateway.Tests.Sftp;

/// <summary>Issue 15 item 5: quiet outages around a real sshd stopped and started again, and a refused host key said once.</summary>
[Collection(TestServers.Name)]
public sealed class ChannelOutageTests : IDisposable
{
    private static readonly Rules.Reference.ReferenceData Data = ReferenceDataLoader.Load(Repo.SampleData);
    private readonly TestServersFixture _server;
    private readonly TempDir _temp = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 3, 2, 17, 0));
    private readonly IUnitOfWork _store;
    private readonly string _root;
    private readonly CapturingLogger _log = new();
    private readonly ChannelOutages _outages;

    public ChannelOutageTests(TestServersFixture server)
    {
        _server = server;
        _store = TestStores.Open(_temp.File("gateway.db"), _clock);
        _root = Path.Combine(server.Root, Guid.NewGuid().ToString("N"));
        _outages = new ChannelOutages(_clock, _log);
    }

    /// <summary>One round as the SFTP worker runs it (its retries left out: they are the pipeline's, tested apart).</summary>
    private async Task Round(DropPoller poller, SftpDropFolder folder)
    {
        try
        {
            await poller.PollAsync(default);
            _outages.Succeeded("ACME", "sftp", folder.Location);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _outages.Failed("ACME", "sftp", folder.Location, e);
        }

        _clock.AdvanceSeconds(60);
    }

    private (SftpDropFolder, DropPoller) Channel(string? hostKey = null)
    {
        var folder = new SftpDropFolder("ACME", _server.Settings(Path.Combine(_root, "ACME"), hostKey), NullLogger.Instance);
        var poller = new DropPoller(
            Data.Partner("ACME")!, "sftp", folder, new RequestFileProcessor(Data, new PolicyOptions(), new Intake.IntakeLimits(), _store),
            _store.Intake, _clock, Duration.FromSeconds(1), NullLogger.Instance);
        return (folder, poller);
    }

    [Fact]
    public async Task Sshd_stopped_is_one_ChannelDown_and_started_again_one_ChannelRecovered_with_the_time_down()
    {
        var (folder, poller) = Channel();
        using var _ = folder;
        await Round(poller, folder);
        _server.StopSftp();
        try
        {
            await Round(poller, folder);
            await Round(poller, folder);
            await Round(poller, folder);
            Assert.True(_outages.IsDown("ACME", "sftp"));
        }
        finally
        {
            _server.StartSftp();
        }

        await Round(poller, folder);
        await Round(poller, folder);

        var down = Assert.Single(_log.Entries, e => e.Id.Name == "ChannelDown");
        Assert.Equal((200, LogLevel.Error, "ACME", "sftp"), (down.Id.Id, down.Level, down.Fields["Partner"], down.Fields["Channel"]));
        Assert.Null(down.Exception); // a known network failure: one line, no stack trace
        var recovered = Assert.Single(_log.Entries, e => e.Id.Name == "ChannelRecovered");
        Assert.Equal((201, LogLevel.Information, "180"), (recovered.Id.Id, recovered.Level, recovered.Fields["DownSeconds"]));
        Assert.Equal(2, _log.Entries.Count(e => e.Level == LogLevel.Debug && e.Message.Contains("still down", StringComparison.Ordinal)));
        Assert.DoesNotContain(_log.Entries, e => e.Level >= LogLevel.Warning && e.Id.Name is not "ChannelDown");
        Assert.False(_outages.IsDown("ACME", "sftp"));
    }

    [Fact]
    public async Task A_refused_host_key_is_logged_once_per_offered_key_and_stays_in_the_channels_last_error()
    {
        var (folder, poller) = Channel(hostKey: "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        using var _ = folder;
        await Round(poller, folder);
        await Round(poller, folder);
        await Round(poller, folder);

        var refused = Assert.Single(_log.Entries, e => e.Id.Name == "HostKeyRefused");
        Assert.Equal((202, LogLevel.Error, "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), (refused.Id.Id, refused.Level, refused.Fields["Pinned"]));
        Assert.StartsWith("SHA256:", refused.Fields["Offered"], StringComparison.Ordinal);
        Assert.Single(_log.Entries, e => e.Id.Name == "ChannelDown");

        // status and health read the channel's last error: the refusal, until a poll succeeds with the right key.
        using var view = OperationsView.Open(_temp.File("gateway.db"));
        var poll = Assert.Single(view.ChannelPolls());
        Assert.Null(poll.LastOk);
        Assert.Contains("host key", poll.LastError, StringComparison.Ordinal);
        var health = ChannelHealthCheck.Evaluate(view.ChannelPolls(), [new ChannelExpectation("ACME", "sftp", Duration.FromMinutes(3))], _clock.GetCurrentInstant());
        Assert.Contains(refused.Fields["Offered"], (string)health.Data["ACME/sftp"], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }
}
