using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Integra.Gateway.Tests;

/// <summary>
/// A real <c>integra-gateway run</c> process on settings of its own (a store, a drop, an NPAC outbox in
/// <paramref name="folder"/>), its stdout and stderr collected, killed on dispose if it still runs.
/// </summary>
internal sealed class DaemonProcess : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    /// <param name="folder">Where its files go.</param>
    /// <param name="environment">Settings as <c>INTEGRA_</c> variables, over the file's.</param>
    public DaemonProcess(string folder, IDictionary<string, string>? environment = null)
    {
        Directory.CreateDirectory(folder);
        var config = Path.Combine(folder, "appsettings.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new
        {
            Gateway = new { DataDirectory = Repo.SampleData, Database = Path.Combine(folder, "gateway.db") },
            LocalDrop = new { Root = Path.Combine(folder, "drop"), SeedFrom = string.Empty, PollInterval = "00:00:00.200" },
            Lifecycle = new { SweepEnabled = false, NpacOutbox = Path.Combine(folder, "npac") },
        }));
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "integra-gateway.dll"), "run", "--config", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output => Read(_output);

    public string Error => Read(_error);

    public bool HasExited => _process.HasExited;

    /// <summary>A port no one listens on now (another test may take it before this one binds it; rarely).</summary>
    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    /// <summary>Waits until the daemon watches its drops, and asserts that it still runs.</summary>
    public async Task Running() =>
        Assert.True(
            await Eventually.Until(() => _process.HasExited || Output.Contains("Watching local drops", StringComparison.Ordinal), Patience) && !_process.HasExited,
            $"the daemon did not start: {Output} {Error}");

    /// <summary>Sends <paramref name="signal"/> (e.g. <c>HUP</c>, <c>TERM</c>) as <c>kill</c> would.</summary>
    public async Task Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the daemon to exit on its own and returns its exit code.</summary>
    public async Task<int> Exited()
    {
        Assert.True(await Eventually.Until(() => _process.HasExited, Patience), $"the daemon still runs: {Output} {Error}");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    /// <summary>Appends a line a process wrote, from its reader thread.</summary>
    internal static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.AppendLine(line);
            }
        }
    }

    /// <summary>What the process has written so far.</summary>
    internal static string Read(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
