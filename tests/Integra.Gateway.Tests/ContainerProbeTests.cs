using System.Net;
using System.Net.Sockets;
using Integra.Gateway.Configuration.Checks;
using Microsoft.Extensions.Configuration;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 29 item 1: the probes and the Prometheus scrape on Kestrel, so that a container's probe reaches them on any
/// bind address (<c>0.0.0.0</c>, <c>+</c>, <c>*</c>); a port another process holds stops <c>run</c> with exit 2 and
/// one line naming the key (item 6).
/// </summary>
public sealed class ContainerProbeTests : IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public async Task Run_with_probes_and_scrape_on_every_address_answers_them_on_loopback_and_stops_with_0()
    {
        int health = DaemonProcess.FreePort(), scrape = DaemonProcess.FreePort();
        using var daemon = new DaemonProcess(_temp.File("d"), new Dictionary<string, string>
        {
            ["INTEGRA_Health__Listen"] = $"http://0.0.0.0:{health}/",
            ["INTEGRA_Telemetry__PrometheusListen"] = $"http://+:{scrape}/",
        });
        await daemon.Running();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Answering(http, daemon, $"http://127.0.0.1:{health}/healthz/live");

        using var live = await http.GetAsync(new Uri($"http://127.0.0.1:{health}/healthz/live"));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var report = System.Text.Json.JsonDocument.Parse(await live.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        using var ready = await http.GetAsync(new Uri($"http://127.0.0.1:{health}/healthz/ready"));
        Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
        var metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{scrape}/metrics"));
        Assert.Contains("gateway_reviews_pending", metrics, StringComparison.Ordinal);
        using var elsewhere = await http.GetAsync(new Uri($"http://127.0.0.1:{health}/metrics"));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);

        await daemon.Signal("TERM");
        Assert.Equal(0, await daemon.Exited());
        Assert.Equal(string.Empty, daemon.Error);
    }

    [Fact]
    public async Task Probes_and_scrape_on_one_address_share_one_listener()
    {
        var port = DaemonProcess.FreePort();
        using var daemon = new DaemonProcess(_temp.File("d"), new Dictionary<string, string>
        {
            ["INTEGRA_Health__Listen"] = $"http://*:{port}/",
            ["INTEGRA_Telemetry__PrometheusListen"] = $"http://*:{port}/",
        });
        await daemon.Running();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Answering(http, daemon, $"http://127.0.0.1:{port}/healthz/live");
        using var live = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz/live"));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Contains("gateway_reviews_pending", await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:9180/")]
    [InlineData("http://+:9180/")]
    [InlineData("http://*:9180")]
    [InlineData("http://[::]:9180/")]
    [InlineData("http://localhost:9180/")]
    [InlineData("http://127.0.0.1:9180/")]
    public void Every_bind_address_form_is_accepted(string address)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Health:Listen"] = address,
            ["Telemetry:PrometheusListen"] = address,
            ["Portal:Listen"] = address,
        }).Build();
        Assert.Empty(SettingsSections.Check(configuration, new SettingsCheck()));
    }

    [Theory]
    [InlineData("Health:Listen", "127.0.0.1:9180")]
    [InlineData("Health:Listen", "http://127.0.0.1/")]
    [InlineData("Health:Listen", "https://0.0.0.0:9180/")]
    [InlineData("Telemetry:PrometheusListen", "http://0.0.0.0:9184/metrics")]
    [InlineData("Portal:Listen", "ftp://0.0.0.0:5080")]
    public void An_address_without_scheme_host_and_port_is_refused_by_key(string key, string address)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = address }).Build();
        Assert.Equal(key, Assert.Single(SettingsSections.Check(configuration, new SettingsCheck())).Key);
    }

    [Theory]
    [InlineData("Health__Listen", "Health:Listen", "http://0.0.0.0:{0}/")]
    [InlineData("Telemetry__PrometheusListen", "Telemetry:PrometheusListen", "http://+:{0}/")]
    [InlineData("Portal__Listen", "Portal:Listen", "http://127.0.0.1:{0}")]
    public void A_port_in_use_stops_run_with_2_and_one_line_naming_the_key(string variable, string key, string address)
    {
        using var taken = new TcpListener(IPAddress.Any, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var environment = new Dictionary<string, string> { [$"INTEGRA_{variable}"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, address, port) };
        if (key == "Portal:Listen")
        {
            environment["INTEGRA_Portal__Enabled"] = "true";
            environment["INTEGRA_Portal__MailOutbox"] = _temp.File("portal-mail");
            environment["INTEGRA_Portal__AccessRequestFolder"] = _temp.File("access-requests");
        }

        var (code, _, error) = GatewayProcess.RunWithErrors(DaemonProcess.Patience, environment, ["run", "--config", Settings()]);
        Assert.True(code == 2, $"exit {code}: {error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"integra-gateway: {key}: cannot listen on ", line, StringComparison.Ordinal);
    }

    /// <summary>Waits until <paramref name="address"/> answers: the probes start after the workers.</summary>
    private static async Task Answering(HttpClient http, DaemonProcess daemon, string address) =>
        Assert.True(
            await Eventually.Until(
                async () =>
                {
                    try
                    {
                        using var _ = await http.GetAsync(new Uri(address));
                        return true;
                    }
                    catch (HttpRequestException)
                    {
                        return daemon.HasExited;
                    }
                },
                DaemonProcess.Patience) && !daemon.HasExited,
            $"{address} did not answer: {daemon.Output} {daemon.Error}");

    /// <summary>Settings that work, in a folder of this test.</summary>
    private string Settings()
    {
        var file = _temp.File("settings.json");
        File.WriteAllText(file, System.Text.Json.JsonSerializer.Serialize(new
        {
            Gateway = new { DataDirectory = Repo.SampleData, Database = _temp.File("gateway.db") },
            LocalDrop = new { Root = _temp.File("drop"), SeedFrom = string.Empty },
            Lifecycle = new { SweepEnabled = false, NpacOutbox = _temp.File("npac") },
        }));
        return file;
    }

    public void Dispose() => _temp.Dispose();
}
