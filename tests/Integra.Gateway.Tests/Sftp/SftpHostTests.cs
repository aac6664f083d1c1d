using System.Text.Json;
using Integra.Gateway.Hosting;
using Microsoft.Extensions.Hosting;

using Integra.Gateway.Tests.Servers;

namespace Integra.Gateway.Tests.Sftp;

/// <summary>The daemon as operations run it: settings from a file, key from a file, SFTP polled in the background.</summary>
[Collection(TestServers.Name)]
public sealed class SftpHostTests(TestServersFixture server) : IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public async Task The_daemon_answers_a_file_dropped_on_the_sftp_server()
    {
        var root = Path.Combine(server.Root, Guid.NewGuid().ToString("N"), "ACME");
        var partner = server.Settings(root);
        var config = new
        {
            Gateway = new { DataDirectory = Repo.SampleData, Database = _temp.File("gateway.db") },
            LocalDrop = new { Enabled = false },
            Sftp = new
            {
                Enabled = true,
                Partners = new Dictionary<string, object>
                {
                    ["ACME"] = new
                    {
                        partner.Host, partner.Port, partner.User, partner.PrivateKeyFile, partner.HostKeySha256,
                        partner.Inbound, partner.Outbound, partner.Archive, partner.Error,
                        PollInterval = "00:00:00.200", QuietPeriod = "00:00:00",
                    },
                },
            },
        };
        var configFile = _temp.File("appsettings.json");
        await File.WriteAllTextAsync(configFile, JsonSerializer.Serialize(config));
        File.Copy(Path.Combine(Repo.SampleDrop("ACME"), "acme-20260302.lsr.csv"), Path.Combine(partner.Inbound, "daemon.lsr.csv"));

        using var host = GatewayHost.Build(configFile);
        await host.StartAsync();
        try
        {
            var response = Path.Combine(partner.Outbound, "daemon.lsr.resp.csv");
            var archived = Path.Combine(partner.Archive, "daemon.lsr.csv");
            await Eventually.Until(() => File.Exists(response) && File.Exists(archived), TimeSpan.FromSeconds(30));
            Assert.True(File.Exists(response), "no response within 30 s");
            Assert.True(File.Exists(archived), "original not archived within 30 s");
            Assert.Contains("FOC", await File.ReadAllTextAsync(response), StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public void Dispose() => _temp.Dispose();
}
