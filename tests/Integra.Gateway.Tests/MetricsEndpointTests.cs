using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
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
using Integra.Gateway.Storage.PortalAccounts;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using OpenTelemetry.Metrics;

namespace Integra.Gateway.Tests;

/// <summary>Issue 15 item 4: the gauges on a real Prometheus <c>/metrics</c> endpoint, scraped over HTTP.</summary>
public sealed partial class MetricsEndpointTests : IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public async Task The_gauges_are_on_metrics_with_their_values()
    {
        // Monday 2026-03-02 12:30 in Denver: BRIDGE's expedite goes to PND X01, PORTCO's CSR file is seen, not yet answered.
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 19, 30));
        var db = _temp.File("g.db");
        var data = ReferenceDataLoader.Load(Repo.SampleData);
        using (var store = TestStores.Open(db, clock))
        {
            await Poll(store, clock, data, _temp.File("BRIDGE"), "BRIDGE", "bridge-0302.lsr.csv", twice: true);
            await Poll(store, clock, data, _temp.File("PORTCO"), "PORTCO", "portco-0302.csr.csv", twice: false);
            await store.Outbox.AddAsync(Delivery.OutboxKind.Response, "ACME", "acme-can.resp.csv", [["CAN"]], CancellationToken.None, new Delivery.DeliveryRoute(Rules.Model.Channel.Sftp));
            await store.Intake.RecordPollAsync("ACME", "sftp", error: null, CancellationToken.None);
        }

        // One Trading Partner Profile past its due time by the scrape, one not yet due.
        var portal = TestStores.Portal(db);
        var now = clock.GetCurrentInstant().ToDateTimeOffset();
        await portal.AddProfileAsync("page", new Portal.Onboarding.TradingPartnerProfile(), now.AddDays(-4), now.AddMinutes(60), default);
        await portal.AddProfileAsync("page", new Portal.Onboarding.TradingPartnerProfile(), now, now.AddDays(3), default);

        var port = FreePort();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Telemetry:PrometheusListen"] = $"http://127.0.0.1:{port}/" });
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IClock>(clock)
            .AddSingleton(Options.Create(new Configuration.GatewaySettings { Database = db }))
            .AddSingleton(Options.Create(new Configuration.LocalDropSettings { Enabled = false }))
            .AddSingleton(Options.Create(new Drops.Sftp.SftpSettings { Enabled = true, Partners = { ["ACME"] = new Drops.Sftp.SftpPartnerSettings { PollInterval = TimeSpan.FromMinutes(1) } } }))
            .AddSingleton(Options.Create(new Gateway.Mail.MailSettings()))
            .AddSingleton(Options.Create(new HealthSettings()))
            .AddSingleton(new ReferenceDataSource(Repo.SampleData, clock))
            .AddGatewayTelemetry(configuration);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<GatewayGauges>();
        using var meters = provider.GetRequiredService<MeterProvider>();
        var hosted = provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(default);
        }

        clock.AdvanceMinutes(90);
        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
        foreach (var service in hosted)
        {
            await service.StopAsync(default);
        }

        var metrics = Parse(text);

        Assert.Equal(1, metrics["gateway_reviews_pending"]);
        Assert.Equal(90 * 60, metrics["gateway_reviews_oldest_age_seconds"]);
        Assert.Equal(90 * 60, metrics["gateway_csr_oldest_unanswered_age_seconds"]);
        Assert.Equal(1, metrics["gateway_files_waiting{channel=\"local\",partner=\"PORTCO\"}"]);
        Assert.Equal(1, metrics["gateway_deliveries_waiting{channel=\"sftp\",partner=\"ACME\"}"]);
        Assert.Equal(90 * 60, metrics["gateway_channel_last_good_poll_age_seconds{channel=\"sftp\",partner=\"ACME\"}"]);
        Assert.Equal(1, metrics["gateway_files_today{channel=\"local\",partner=\"BRIDGE\"}"]);
        Assert.Equal(1, metrics["gateway_onboarding_past_due"]);
        Assert.Equal(0, metrics["gateway_disputes_past_due"]);
        Assert.Contains("service_name=\"integra-gateway\"", text, StringComparison.Ordinal);

        // Issue 29 item 5: counts of a channel the daemon runs are 0, not missing; the binary's version is visible.
        Assert.Equal(0, metrics["gateway_files_waiting{channel=\"sftp\",partner=\"ACME\"}"]);
        Assert.Equal(0, metrics["gateway_files_today{channel=\"sftp\",partner=\"ACME\"}"]);
        Assert.Equal(0, metrics["gateway_deliveries_waiting{channel=\"local\",partner=\"BRIDGE\"}"]);
        Assert.Equal(1, metrics[$"gateway_build_info{{version=\"{GatewayMetrics.Version}\"}}"]);
        Assert.Contains($"service_version=\"{GatewayMetrics.Version}\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Durations_are_histograms_in_seconds_with_buckets_that_fit()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 17, 0));
        var db = _temp.File("d.db");
        var port = FreePort();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Telemetry:PrometheusListen"] = $"http://127.0.0.1:{port}/" });
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IClock>(clock)
            .AddSingleton(Options.Create(new Configuration.GatewaySettings { Database = db }))
            .AddSingleton(Options.Create(new Configuration.LocalDropSettings { Enabled = false }))
            .AddSingleton(Options.Create(new Drops.Sftp.SftpSettings()))
            .AddSingleton(Options.Create(new Gateway.Mail.MailSettings()))
            .AddSingleton(Options.Create(new HealthSettings()))
            .AddSingleton(new ReferenceDataSource(Repo.SampleData, clock))
            .AddGatewayTelemetry(configuration)
            .BuildServiceProvider();
        using var meters = provider.GetRequiredService<MeterProvider>();
        var metrics = provider.GetRequiredService<GatewayMetrics>();
        var data = ReferenceDataLoader.Load(Repo.SampleData);
        using (var store = TestStores.Open(db, clock))
        {
            var folder = new LocalDropFolder(_temp.File("ACME"));
            folder.EnsureFolders();
            File.Copy(Path.Combine(Repo.SampleDrop("ACME"), "acme-20260302.lsr.csv"), Path.Combine(folder.Location, "in", "m.lsr.csv"));
            var poller = new DropPoller(data.Partner("ACME")!, "local", folder, new RequestFileProcessor(data, new PolicyOptions(), new Intake.IntakeLimits(), store), store.Intake, clock, Duration.FromSeconds(1), NullLogger.Instance, metrics: metrics);
            await poller.PollAsync(default);
            clock.AdvanceSeconds(2);
            await poller.PollAsync(default);
        }

        metrics.Polled("BRIDGE", "sftp", TimeSpan.FromMilliseconds(30), ok: true);
        metrics.Delivered("BRIDGE", "sftp", TimeSpan.FromMilliseconds(200), ok: true);
        var server = provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ProbeServer>().Single();
        await server.StartAsync(default);
        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
        await server.StopAsync(default);
        var scraped = Parse(text);

        // A poll of 30 ms lies between the 25 ms and 50 ms bounds: not in "le=5" with everything else, as milliseconds put it.
        Assert.Equal(0, scraped["gateway_poll_duration_seconds_bucket{channel=\"sftp\",le=\"0.025\",partner=\"BRIDGE\",result=\"ok\"}"]);
        Assert.Equal(1, scraped["gateway_poll_duration_seconds_bucket{channel=\"sftp\",le=\"0.05\",partner=\"BRIDGE\",result=\"ok\"}"]);
        Assert.Equal(0, scraped["gateway_delivery_duration_seconds_bucket{channel=\"sftp\",le=\"0.1\",partner=\"BRIDGE\",result=\"ok\"}"]);
        Assert.Equal(1, scraped["gateway_delivery_duration_seconds_bucket{channel=\"sftp\",le=\"0.25\",partner=\"BRIDGE\",result=\"ok\"}"]);
        Assert.Equal(1, scraped["gateway_file_duration_seconds_count{channel=\"local\",partner=\"ACME\",result=\"answered\"}"]);
        Assert.True(scraped["gateway_poll_duration_seconds_count{channel=\"local\",partner=\"ACME\",result=\"ok\"}"] >= 2);
        Assert.DoesNotContain("le=\"5000\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Telemetry:PrometheusListen", "127.0.0.1:9184")]
    [InlineData("Telemetry:OtlpEndpoint", "grpc://collector")]
    [InlineData("Health:MaxDeliveryWait", "-00:01:00")]
    public void Bad_telemetry_and_health_settings_are_refused_by_key(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var problem = Assert.Single(Configuration.Checks.SettingsSections.Check(configuration, new Configuration.Checks.SettingsCheck()));
        Assert.Equal(key, problem.Key);
    }

    private static async Task Poll(IUnitOfWork store, FakeClock clock, Rules.Reference.ReferenceData data, string drop, string partner, string file, bool twice)
    {
        var folder = new LocalDropFolder(drop);
        folder.EnsureFolders();
        File.Copy(Path.Combine(Repo.SampleDrop(partner), file), Path.Combine(folder.Location, "in", file));
        var poller = new DropPoller(data.Partner(partner)!, "local", folder, new RequestFileProcessor(data, new PolicyOptions(), new Intake.IntakeLimits(), store), store.Intake, clock, Duration.FromSeconds(1), NullLogger.Instance);
        await poller.PollAsync(default);
        if (twice)
        {
            clock.AdvanceSeconds(2);
            await poller.PollAsync(default);
        }
    }

    /// <summary>Prometheus text: metric name with its labels (as written, less <c>otel_scope_*</c>) to value.</summary>
    private static Dictionary<string, double> Parse(string text) =>
        text.Split('\n')
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => Sample().Match(l))
            .Where(m => m.Success)
            .ToDictionary(
                m => m.Groups["name"].Value + Labels(m.Groups["labels"].Value),
                m => double.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));

    private static string Labels(string labels)
    {
        var kept = labels.Trim('{', '}').Split(',', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("otel_scope", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        return kept.Count == 0 ? string.Empty : "{" + string.Join(',', kept) + "}";
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{[^}]*\})? (?<value>\S+)")]
    private static partial Regex Sample();

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose() => _temp.Dispose();
}
