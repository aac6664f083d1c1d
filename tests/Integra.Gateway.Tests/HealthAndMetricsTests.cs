using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Integra.Gateway.Drops;
using Integra.Gateway.Hosting;
using Integra.Gateway.Operations;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Microsoft.Extensions.DependencyInjection;
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
        using var store = OrderStore.Open(_temp.File("g.db"), clock);
        var folder = new LocalDropFolder(_temp.File("ACME"));
        folder.EnsureFolders();
        File.Copy(Path.Combine(Repo.SampleDrop("ACME"), "acme-20260302.lsr.csv"), Path.Combine(folder.Location, "in", "m.lsr.csv"));
        var poller = new DropPoller(data.Partner("ACME")!, "local", folder, new RequestFileProcessor(data, new PolicyOptions(), new Intake.IntakeLimits(), store), new IntakeLedger(store, clock), clock, Duration.FromSeconds(1), NullLogger.Instance, metrics: services.GetRequiredService<GatewayMetrics>());
        await poller.PollAsync(default);
        clock.AdvanceSeconds(2);
        await poller.PollAsync(default);

        Assert.Equal(3, requests.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(2, requests.GetMeasurementSnapshot().Where(m => (string?)m.Tags["outcome"] == "FOC").Sum(m => m.Value));
        Assert.Equal(["R10", "R21", "R24"], rejects.GetMeasurementSnapshot().Select(m => (string)m.Tags["code"]!).Order());
        Assert.Equal(2, polls.GetMeasurementSnapshot().Count);
    }

    [Fact]
    public void Healthz_turns_unhealthy_when_a_channel_stops_polling()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 17, 0));
        var path = _temp.File("h.db");
        using (var store = OrderStore.Open(path, clock))
        {
            new IntakeLedger(store, clock).RecordPoll("ACME", "sftp", error: null);
        }

        var expected = new[] { new HealthReport.Expectation("ACME", "sftp", Duration.FromMinutes(2)) };
        OrderStore Open() => OrderStore.Open(path, clock);
        Assert.True(HealthReport.Evaluate(Open, expected, clock.GetCurrentInstant() + Duration.FromSeconds(90)).Healthy);
        var stale = HealthReport.Evaluate(Open, expected, clock.GetCurrentInstant() + Duration.FromMinutes(3));
        Assert.False(stale.Healthy);
        Assert.True(stale.StoreReachable);
        Assert.False(HealthReport.Evaluate(Open, [new HealthReport.Expectation("BRIDGE", "sftp", Duration.FromMinutes(2))], clock.GetCurrentInstant()).Healthy);
    }

    [Fact]
    public async Task The_daemon_serves_healthz_200_while_polling_and_503_for_a_partner_it_cannot_reach()
    {
        var gateway = new { DataDirectory = Repo.SampleData, Database = _temp.File("gateway.db") };
        var localDrop = new { Enabled = true, Root = _temp.File("drop"), SeedFrom = "", PollInterval = "00:00:00.200" };
        var lifecycle = new { SweepEnabled = false };
        Assert.Equal(
            HttpStatusCode.OK,
            await DaemonHealth(port => new { Gateway = gateway, LocalDrop = localDrop, Lifecycle = lifecycle, Health = new { Listen = $"http://127.0.0.1:{port}/" } }, HttpStatusCode.OK));

        // The same daemon with an SFTP partner on a closed port: that channel never polls successfully.
        var closedPort = FreePort();
        Assert.Equal(
            HttpStatusCode.ServiceUnavailable,
            await DaemonHealth(
                port => new
                {
                    Gateway = gateway,
                    LocalDrop = localDrop,
                    Lifecycle = lifecycle,
                    Health = new { Listen = $"http://127.0.0.1:{port}/" },
                    Sftp = new { Enabled = true, Partners = new Dictionary<string, object> { ["ACME"] = new { Host = "127.0.0.1", Port = closedPort, User = "x", Password = "x", HostKeySha256 = "SHA256:x", PollInterval = "00:00:00.200", OperationTimeout = "00:00:01" } } },
                },
                HttpStatusCode.ServiceUnavailable));
    }

    /// <summary>
    /// Starts the daemon with the settings for a free health port and returns the /healthz status once it is
    /// <paramref name="wanted"/> (or the last one seen). A free port can be taken by another test's server
    /// between choosing and binding it: when nothing answers at all, it tries again on another port.
    /// </summary>
    private async Task<HttpStatusCode?> DaemonHealth(Func<int, object> settings, HttpStatusCode wanted)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        HttpStatusCode? status = null;
        for (var attempt = 0; attempt < 3 && status is null; attempt++)
        {
            var port = FreePort();
            var file = _temp.File("appsettings.json");
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(settings(port)));
            using var host = GatewayHost.Build(file);
            await host.StartAsync();
            status = await Eventually(http, port, wanted);
            await host.StopAsync();
        }

        return status;
    }

    private static async Task<HttpStatusCode?> Eventually(HttpClient http, int port, HttpStatusCode wanted)
    {
        HttpStatusCode? last = null;
        await Tests.Eventually.Until(
            async () =>
            {
                try
                {
                    last = (await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"))).StatusCode;
                }
                catch (HttpRequestException)
                {
                    // listener not up yet
                }

                return last == wanted;
            },
            TimeSpan.FromSeconds(20));
        return last;
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose() => _temp.Dispose();
}
