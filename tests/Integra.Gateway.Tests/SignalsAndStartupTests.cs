namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 29 item 6, on real processes: SIGHUP is logged and ignored; a folder the daemon must write in that takes no
/// file stops <c>run</c> with exit 2 and one line naming the key (the port checks are in <see cref="ContainerProbeTests"/>).
/// </summary>
public sealed class SignalsAndStartupTests : IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public async Task Sighup_is_logged_once_and_ignored_then_sigterm_exits_0()
    {
        using var daemon = new DaemonProcess(_temp.File("d"));
        await daemon.Running();

        await daemon.Signal("HUP");
        Assert.True(
            await Eventually.Until(() => daemon.HasExited || daemon.Output.Contains("HangupIgnored", StringComparison.Ordinal), DaemonProcess.Patience),
            $"no HangupIgnored line: {daemon.Output}");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(daemon.HasExited, $"the daemon ended at SIGHUP: {daemon.Error}");
        Assert.Single(daemon.Output.Split('\n'), l => l.Contains("HangupIgnored", StringComparison.Ordinal));

        await daemon.Signal("TERM");
        Assert.Equal(0, await daemon.Exited());
        Assert.Equal(string.Empty, daemon.Error);
    }

    [Theory]
    [InlineData("LocalDrop__Root", "LocalDrop:Root")]
    [InlineData("Lifecycle__NpacOutbox", "Lifecycle:NpacOutbox")]
    public void A_folder_that_takes_no_file_stops_run_with_2_naming_the_key(string variable, string key)
    {
        // A file where a folder should be: no one, root included, can create the folder or write in it.
        var blocker = _temp.File("blocker");
        File.WriteAllText(blocker, string.Empty);
        var environment = new Dictionary<string, string> { [$"INTEGRA_{variable}"] = Path.Combine(blocker, "folder") };
        var settings = _temp.File("settings.json");
        File.WriteAllText(settings, System.Text.Json.JsonSerializer.Serialize(new
        {
            Gateway = new { DataDirectory = Repo.SampleData, Database = _temp.File("gateway.db") },
            LocalDrop = new { Root = _temp.File("drop"), SeedFrom = string.Empty },
            Lifecycle = new { SweepEnabled = false, NpacOutbox = _temp.File("npac") },
        }));

        var (code, _, error) = GatewayProcess.RunWithErrors(DaemonProcess.Patience, environment, ["run", "--config", settings]);
        Assert.True(code == 2, $"exit {code}: {error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"integra-gateway: {key}: cannot write in ", line, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
