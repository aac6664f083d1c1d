using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Integra.Gateway.Tests;

/// <summary>
/// SPEC §6: `run` exits non-zero whenever it stops for any reason but a stop request, so that systemd's
/// Restart=on-failure restarts it; after a stop request it exits 0.
/// </summary>
public sealed class RunExitTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDir _temp = new();

    private string StoreFolder => _temp.File("store");

    private Process StartDaemon(StringBuilder output, StringBuilder error, int? portalPort = null)
    {
        Directory.CreateDirectory(StoreFolder);
        var config = _temp.File("appsettings.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new
        {
            Gateway = new { DataDirectory = Repo.SampleData, Database = Path.Combine(StoreFolder, "gateway.db"), StoreCheckInterval = "00:00:00.200" },
            LocalDrop = new { Root = _temp.File("drop"), SeedFrom = string.Empty, PollInterval = "00:00:00.200" },
            Lifecycle = new { SweepEnabled = false, NpacOutbox = _temp.File("npac") },
        }));
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "integra-gateway.dll"), "run", "--config", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (portalPort is { } port)
        {
            // The other tests of this assembly run with the portal off (PortalOff); this one runs it as `run` would.
            start.Environment["INTEGRA_Portal__Enabled"] = "true";
            start.Environment["INTEGRA_Portal__Listen"] = $"http://127.0.0.1:{port}";
            start.Environment["INTEGRA_Portal__MailOutbox"] = _temp.File("portal-mail");
            start.Environment["INTEGRA_Portal__AccessRequestFolder"] = _temp.File("access-requests");
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => DaemonProcess.Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => DaemonProcess.Append(error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task Running(Process process, StringBuilder output) =>
        Assert.True(
            await Eventually.Until(() => process.HasExited || DaemonProcess.Read(output).Contains("Watching local drops", StringComparison.Ordinal), Patience) && !process.HasExited,
            $"the daemon did not start: {DaemonProcess.Read(output)}");

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    [Fact]
    public async Task Run_exits_non_zero_when_its_store_becomes_unwritable()
    {
        StringBuilder output = new(), error = new();
        var daemon = StartDaemon(output, error);
        try
        {
            await Running(daemon, output);

            // The store's folder goes away and a file takes its place: no one, root included, can write there now.
            Directory.Move(StoreFolder, StoreFolder + ".moved");
            await File.WriteAllTextAsync(StoreFolder, string.Empty);

            Assert.True(await Eventually.Until(() => daemon.HasExited, Patience), "the daemon kept running without its store");
            daemon.WaitForExit();
            Assert.Equal(1, daemon.ExitCode);
            var line = Assert.Single(DaemonProcess.Read(error).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            // The store watchdog, or a worker whose store failed first: either way the line names the setting.
            Assert.StartsWith("integra-gateway: Gateway:Database: ", line, StringComparison.Ordinal);
            Assert.Contains("order store", line, StringComparison.Ordinal);
        }
        finally
        {
            Stop(daemon);
        }
    }

    [Fact]
    public async Task Run_exits_zero_after_a_stop_request()
    {
        StringBuilder output = new(), error = new();
        var daemon = StartDaemon(output, error);
        try
        {
            await Running(daemon, output);
            using (var kill = Process.Start("kill", ["-TERM", daemon.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            Assert.True(await Eventually.Until(() => daemon.HasExited, Patience), "the daemon did not stop at SIGTERM");
            daemon.WaitForExit();
            Assert.Equal(0, daemon.ExitCode);
            Assert.Equal(string.Empty, DaemonProcess.Read(error));
        }
        finally
        {
            Stop(daemon);
        }
    }

    [Fact]
    public async Task Run_with_the_portal_on_starts_serves_it_and_exits_zero_after_a_stop_request()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        StringBuilder output = new(), error = new();
        var daemon = StartDaemon(output, error, port);
        try
        {
            await Running(daemon, output);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            HttpResponseMessage? page = null;
            Assert.True(
                await Eventually.Until(
                    async () =>
                    {
                        try
                        {
                            page = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
                            return true;
                        }
                        catch (HttpRequestException)
                        {
                            return daemon.HasExited;
                        }
                    },
                    Patience) && !daemon.HasExited,
                $"the portal did not answer: {DaemonProcess.Read(output)} {DaemonProcess.Read(error)}");
            Assert.True((int)page!.StatusCode < 500, $"portal answered {page.StatusCode}");

            using (var kill = Process.Start("kill", ["-TERM", daemon.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            Assert.True(await Eventually.Until(() => daemon.HasExited, Patience), "the daemon did not stop at SIGTERM");
            daemon.WaitForExit();
            Assert.Equal(0, daemon.ExitCode);
        }
        finally
        {
            Stop(daemon);
        }
    }

    public void Dispose() => _temp.Dispose();
}
