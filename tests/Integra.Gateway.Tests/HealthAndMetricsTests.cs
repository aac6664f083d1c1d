using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Integra.Gateway.Drops;
using Integra.Gateway.Hosting;
using Integra.Gateway.Hosting.Health;
using Integra.Gateway.Operations;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.Outbox;
using Integra.Gateway.Storage.Queries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;

namespace Integra.Gateway.Tests;

public sealed class HealthAndMetricsTests : IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public async Task Metrics_count_files_requests_rejects_and_poll_durations()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<GatewayMetrics>().BuildServiceProvider();
        var meters = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var requests = new MetricCollector<long>(meters, GatewayMetrics.MeterName, "gateway.requests");
        using var rejects = new MetricCollector<long>(meters, GatewayMetrics.MeterName, "gateway.rejects");
        using var polls = new MetricCollector<double>(meters, GatewayMetrics.MeterName, "gateway.poll.duration");
        var data = ReferenceDataLoader.Load(Repo.SampleData);
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 17, 0));
        using var store = TestStores.Open(_temp.File("g.db"), clock);
        var folder = new LocalDropFolder(_temp.File("ACME"));
        folder.EnsureFolders();
        File.Copy(Path.Combine(Repo.SampleDrop("ACME"), "acme-20260302.lsr.csv"), Path.Combine(folder.Location, "in", "m.lsr.csv"));
        var poller = new DropPoller(data.Partner("ACME")!, "local", folder, new RequestFileProcessor(data, new PolicyOptions(), new Intake.IntakeLimits(), store), store.Intake, clock, Duration.FromSeconds(1), NullLogger.Instance, metrics: services.GetRequiredService<GatewayMetrics>());
        await poller.PollAsync(default);
        clock.AdvanceSeconds(2);
        await poller.PollAsync(default);

        Assert.Equal(3, requests.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(2, requests.GetMeasurementSnapshot().Where(m => (string?)m.Tags["outcome"] == "FOC").Sum(m => m.Value));
        Assert.Equal(["R10", "R21", "R24"], rejects.GetMeasurementSnapshot().Select(m => (string)m.Tags["code"]!).Order());
        Assert.Equal(2, polls.GetMeasurementSnapshot().Count);
    }

    [Fact]
    public async Task A_stale_channel_is_degraded_not_unhealthy()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 17, 0));
        var path = _temp.File("h.db");
        using (var store = TestStores.Open(path, clock))
        {
            await store.Intake.RecordPollAsync("ACME", "sftp", error: null, CancellationToken.None);
            clock.AdvanceSeconds(30);
            await store.Intake.RecordPollAsync("ACME", "sftp", error: "Connection refused", CancellationToken.None);
        }

        var expected = new[] { new ChannelExpectation("ACME", "sftp", Duration.FromMinutes(2)) };
        using var view = OperationsView.Open(path);
        Assert.Equal(HealthStatus.Healthy, ChannelHealthCheck.Evaluate(view.ChannelPolls(), expected, clock.GetCurrentInstant() + Duration.FromSeconds(60)).Status);
        var stale = ChannelHealthCheck.Evaluate(view.ChannelPolls(), expected, clock.GetCurrentInstant() + Duration.FromMinutes(3));
        Assert.Equal(HealthStatus.Degraded, stale.Status);
        Assert.Contains("Connection refused", (string)stale.Data["ACME/sftp"], StringComparison.Ordinal);
        var never = ChannelHealthCheck.Evaluate(view.ChannelPolls(), [new ChannelExpectation("BRIDGE", "sftp", Duration.FromMinutes(2))], clock.GetCurrentInstant());
        Assert.Equal((HealthStatus.Degraded, "stale, last good poll never"), (never.Status, (string)never.Data["BRIDGE/sftp"]));
    }

    [Fact]
    public async Task No_sweep_for_26_hours_is_degraded()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 9, 0));
        var path = _temp.File("s.db");
        TestStores.Open(path, clock).Dispose();
        var check = new SweepHealthCheck(path, enabled: true, Duration.FromHours(26), clock.GetCurrentInstant(), clock);
        clock.AdvanceHours(25);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new())).Status);
        clock.AdvanceHours(2);
        var missed = await check.CheckHealthAsync(new());
        Assert.Equal(HealthStatus.Degraded, missed.Status);
        Assert.Contains("no expiry sweep for 27.0 h", missed.Description, StringComparison.Ordinal);

        using (var store = TestStores.Open(path, clock))
        {
            await new Lifecycle.ExpirySweep(ReferenceDataLoader.Load(Repo.SampleData), new PolicyOptions(), store).RunAsync(clock.GetCurrentInstant(), CancellationToken.None);
        }

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new())).Status);
        Assert.Equal(HealthStatus.Healthy, (await new SweepHealthCheck(path, enabled: false, Duration.FromHours(26), Instant.MinValue, clock).CheckHealthAsync(new())).Status);
    }

    [Fact]
    public async Task A_delivery_waiting_too_long_is_degraded()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 9, 0));
        var path = _temp.File("o.db");
        using (var store = TestStores.Open(path, clock))
        {
            await store.Outbox.AddAsync(Delivery.OutboxKind.Response, "ACME", "acme-can.resp.csv", [["CAN"]], CancellationToken.None, new Delivery.DeliveryRoute(Rules.Model.Channel.Sftp));
        }

        var check = new OutboxHealthCheck(path, Duration.FromMinutes(15), clock);
        clock.AdvanceMinutes(14);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new())).Status);
        clock.AdvanceMinutes(2);
        var late = await check.CheckHealthAsync(new());
        Assert.Equal(HealthStatus.Degraded, late.Status);
        Assert.Equal("deliveries waiting longer than 15 min: ACME/sftp", late.Description);
    }

    [Fact]
    public async Task The_store_probe_reads_while_another_connection_holds_the_write_lock()
    {
        var path = _temp.File("w.db");
        TestStores.Open(path, SystemClock.Instance).Dispose();
        using var writer = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        writer.Open();
        using var command = writer.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE; INSERT INTO channel_polls (partner, channel, last_ok) VALUES ('X', 'local', 'x');";
        command.ExecuteNonQuery();

        // A probe that wanted the write lock would wait out its busy timeout and fail; this one reads the last commit.
        Assert.Equal(HealthStatus.Healthy, (await new StoreHealthCheck(path).CheckHealthAsync(new())).Status);
        using var view = OperationsView.Open(path);
        Assert.Empty(view.ChannelPolls());
        Assert.Equal(HealthStatus.Unhealthy, (await Probe(new StoreHealthCheck(_temp.File("missing.db")))).Status);
        Assert.False(File.Exists(_temp.File("missing.db")));
    }

    /// <summary>A check run as the health service runs it: an exception is the check's failure status.</summary>
    private static async Task<HealthReport> Probe(IHealthCheck check)
    {
        using var services = new ServiceCollection().AddLogging().AddHealthChecks().AddCheck("store", check, HealthStatus.Unhealthy).Services.BuildServiceProvider();
        return await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
    }

    [Fact]
    public async Task The_daemon_is_ready_while_polling_and_degraded_not_unready_for_a_partner_it_cannot_reach()
    {
        var gateway = new { DataDirectory = Repo.SampleData, Database = _temp.File("gateway.db") };
        var localDrop = new { Enabled = true, Root = _temp.File("drop"), SeedFrom = "", PollInterval = "00:00:00.200" };
        var lifecycle = new { SweepEnabled = false };
        var healthy = await DaemonProbe(port => new { Gateway = gateway, LocalDrop = localDrop, Lifecycle = lifecycle, Health = new { Listen = $"http://127.0.0.1:{port}/" } }, "Healthy");
        Assert.Equal((HttpStatusCode.OK, "Healthy", "Healthy"), (healthy.Ready, healthy.Status, healthy.Live));

        // The same daemon with an SFTP partner on a closed port: that channel never polls successfully. The instance
        // still serves every other partner: ready stays 200, Degraded, and names the channel.
        var closedPort = FreePort();
        var degraded = await DaemonProbe(
            port => new
            {
                Gateway = gateway,
                LocalDrop = localDrop,
                Lifecycle = lifecycle,
                Health = new { Listen = $"http://127.0.0.1:{port}/" },
                Sftp = new { Enabled = true, Partners = new Dictionary<string, object> { ["ACME"] = new { Host = "127.0.0.1", Port = closedPort, User = "x", Password = "x", HostKeySha256 = "SHA256:x", PollInterval = "00:00:00.200", OperationTimeout = "00:00:01" } } },
            },
            "Degraded");
        Assert.Equal((HttpStatusCode.OK, "Degraded", "Healthy"), (degraded.Ready, degraded.Status, degraded.Live));
        var channels = degraded.Report!.RootElement.GetProperty("checks").GetProperty("channels");
        Assert.Equal("Degraded", channels.GetProperty("status").GetString());
        Assert.StartsWith("stale", channels.GetProperty("data").GetProperty("ACME/sftp").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", degraded.Report.RootElement.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Live_fails_when_the_store_cannot_be_read()
    {
        var path = _temp.File("gone.db");
        TestStores.Open(path, SystemClock.Instance).Dispose();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IClock>(SystemClock.Instance)
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(new Configuration.GatewaySettings { Database = path }))
            .AddGatewayHealthChecks()
            .BuildServiceProvider();
        var health = services.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Healthy, (await HealthListener.ProbeAsync(health, "/healthz/live", default))!.Status);
        File.Delete(path);
        var live = await HealthListener.ProbeAsync(health, "/healthz/live", default);
        Assert.Equal(HealthStatus.Unhealthy, live!.Status);
        Assert.Equal(["store"], live.Entries.Keys);
        Assert.Null(await HealthListener.ProbeAsync(health, "/metrics", default));
    }

    private sealed record Probed(HttpStatusCode? Ready, string? Status, string? Live, JsonDocument? Report);

    /// <summary>
    /// Starts the daemon with the settings for a free health port and probes /healthz/ready until its status is
    /// <paramref name="wanted"/> (or the last one seen), then /healthz/live and /healthz. A free port can be taken
    /// by another test's server between choosing and binding it: when nothing answers at all, it tries another.
    /// </summary>
    private async Task<Probed> DaemonProbe(Func<int, object> settings, string wanted)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var probed = new Probed(null, null, null, null);
        for (var attempt = 0; attempt < 3 && probed.Ready is null; attempt++)
        {
            var port = FreePort();
            var file = _temp.File("appsettings.json");
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(settings(port)));
            using var host = GatewayHost.Build(file);
            await host.StartAsync();
            await Tests.Eventually.Until(
                async () =>
                {
                    try
                    {
                        using var ready = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz/ready"));
                        var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
                        probed = new Probed(ready.StatusCode, report.RootElement.GetProperty("status").GetString(), null, report);
                    }
                    catch (HttpRequestException)
                    {
                        // listener not up yet
                    }

                    return probed.Status == wanted;
                },
                TimeSpan.FromSeconds(20));
            if (probed.Ready is not null)
            {
                using var live = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz/live"));
                using var alias = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
                Assert.Equal(probed.Ready, alias.StatusCode);
                probed = probed with { Live = JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString() };
            }

            await host.StopAsync();
        }

        return probed;
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose() => _temp.Dispose();
}
