using System.Text.Json;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 26 item 6 with SPEC §6's fail-fast rule: a <c>Portal:KnownProxies</c> entry that is not an IP address stops
/// the daemon (with the portal, or serving only the portal) and the portal's own commands with exit code 2 and one
/// line naming the key, as every other bad setting does (<c>FailFastSettingsTests</c>), never with a stack trace.
/// </summary>
public sealed class KnownProxiesSettingsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>This assembly turns the portal off for its child processes (<see cref="PortalOff"/>); here it is on.</summary>
    private static readonly Dictionary<string, string> PortalOn = new() { ["INTEGRA_Portal__Enabled"] = "true" };
    private readonly TempDir _temp = new();

    /// <summary>Settings that work on this machine, the portal on a free port, with <paramref name="proxies"/>.</summary>
    private string Config(string[] proxies, bool localDrop = true)
    {
        var settings = new Dictionary<string, object>
        {
            ["Gateway"] = new Dictionary<string, object> { ["DataDirectory"] = Repo.SampleData, ["Database"] = _temp.File("gateway.db") },
            ["LocalDrop"] = new Dictionary<string, object> { ["Enabled"] = localDrop, ["Root"] = _temp.File("drop"), ["SeedFrom"] = string.Empty },
            ["Lifecycle"] = new Dictionary<string, object> { ["SweepEnabled"] = false, ["NpacOutbox"] = _temp.File("npac") },
            ["Portal"] = new Dictionary<string, object> { ["Listen"] = $"http://127.0.0.1:{FreePort()}", ["MailOutbox"] = _temp.File("mail"), ["AccessRequestFolder"] = _temp.File("access"), ["KnownProxies"] = proxies },
        };
        var file = _temp.File($"settings-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, JsonSerializer.Serialize(settings));
        return file;
    }

    public static TheoryData<string, bool> Hosts() => new()
    {
        { "run", true },   // the daemon with its drops and the portal
        { "run", false },  // an instance that serves only the portal
        { "portal add-staff --email first@integra.example --role admin", true },
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public void A_known_proxy_that_is_not_an_ip_address_stops_the_start_with_one_line_naming_the_key(string command, bool localDrop)
    {
        var (code, output, error) = GatewayProcess.RunWithErrors(Patience, PortalOn, [.. command.Split(' '), "--config", Config(["10.0.0.5", "proxy.example"], localDrop)]);

        Assert.True(code == 2, $"exit {code}, stdout: {output}, stderr: {error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("integra-gateway: Portal:KnownProxies:1: 'proxy.example' is not an IP address like 10.0.0.5 or ::1", line);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ip_addresses_of_either_family_are_taken()
    {
        var (code, output, error) = GatewayProcess.RunWithErrors(Patience, PortalOn, ["portal", "add-staff", "--email", "first@integra.example", "--role", "admin", "--config", Config(["10.0.0.5", " ::1 "])]);

        Assert.True(code == 0, $"exit {code}, stdout: {output}, stderr: {error}");
        Assert.Contains("Staff admin first@integra.example created", output, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _temp.Dispose();
}
