using System.Text.Json;
using System.Text.RegularExpressions;

namespace Integra.Gateway.Tests;

/// <summary>
/// The command line as operations use it (issue 15 item 7): `--config` on every command, `--data`/`--db` from the
/// settings, times in the desk's zone to the second, `show --file` and `show --tn`. The real executable.
/// </summary>
public sealed partial class CommandLineTests : IDisposable
{
    private const string Received = "2026-03-02T19:30:00Z";
    private readonly TempDir _temp = new();

    private string Db => _temp.File("gateway.db");

    /// <summary>A settings file naming the samples and a temp store, and the desk's zone when given.</summary>
    private string Config(string? deskZone = null, string? dataDirectory = null)
    {
        var file = _temp.File($"settings-{Guid.NewGuid():N}.json");
        var settings = new Dictionary<string, object>
        {
            ["Gateway"] = new { DataDirectory = dataDirectory ?? Repo.SampleData, Database = Db },
        };
        if (deskZone is not null)
        {
            settings["Operations"] = new { TimeZone = deskZone };
        }

        File.WriteAllText(file, JsonSerializer.Serialize(settings));
        return file;
    }

    private static (int Code, string Out) Run(params string[] args) => GatewayProcess.Run(args);

    /// <summary>The ACME and BRIDGE samples answered through a settings file alone: no --data, no --db.</summary>
    private string Seed()
    {
        var config = Config();
        foreach (var (partner, file) in new[] { ("ACME", "acme-20260302.lsr.csv"), ("BRIDGE", "bridge-0302.lsr.csv") })
        {
            var (code, output) = Run("process", "--config", config, "--out", _temp.File("out"), "--partner", partner, "--received", Received, Path.Combine(Repo.SampleDrop(partner), file));
            Assert.True(code == 0, output);
        }

        return config;
    }

    [Fact]
    public void Data_and_db_default_from_the_settings()
    {
        var config = Seed();
        Assert.True(File.Exists(Db), "process wrote the store named by Gateway:Database");
        Assert.True(File.Exists(_temp.File("out/ACME/acme-20260302.lsr.resp.csv")));

        var (code, output) = Run("status", "--config", config, "--json");
        Assert.Equal(0, code);
        using var status = JsonDocument.Parse(output);
        Assert.Equal(1, status.RootElement.GetProperty("ordersByState").GetProperty("LSR.PendingReview").GetInt64());

        Assert.Equal(0, Run("sweep", "--config", config, "--out", _temp.File("out"), "--now", "2026-03-03T12:00:00-07:00").Code);
        Assert.Equal(0, Run("review", "--config", config, "--out", _temp.File("out"), "--now", "2026-03-02T14:00:00-07:00", "--partner", "BRIDGE", "--pon", "BR-2001", "--deny").Code);

        // --data on the command line wins over a setting that points nowhere.
        var elsewhere = Config(dataDirectory: _temp.File("no-reference-data-here"));
        Assert.Equal(2, Run("sweep", "--config", elsewhere, "--out", _temp.File("out"), "--now", "2026-03-03T12:00:00-07:00").Code);
        Assert.Equal(0, Run("sweep", "--config", elsewhere, "--data", Repo.SampleData, "--out", _temp.File("out"), "--now", "2026-03-03T12:00:00-07:00").Code);
    }

    [Fact]
    public void Human_output_is_in_the_desks_zone_to_the_second()
    {
        Seed();
        var (code, denver) = Run("show", "--config", Config(), "--pon", "ACME-1001");
        Assert.Equal(0, code);
        Assert.StartsWith("Times in America/Denver.", denver, StringComparison.Ordinal);
        Assert.Contains("received 2026-03-02 12:30:00 -07:00", denver, StringComparison.Ordinal);
        Assert.DoesNotMatch(Fractions(), denver);

        var (_, newYork) = Run("show", "--config", Config("America/New_York"), "--pon", "ACME-1001");
        Assert.Contains("received 2026-03-02 14:30:00 -05:00", newYork, StringComparison.Ordinal);

        var (statusCode, status) = Run("status", "--config", Config("America/Denver"));
        Assert.Equal(0, statusCode);
        Assert.Contains("(times in America/Denver)", status, StringComparison.Ordinal);
        Assert.Matches(DeskSecond(), status.Split('\n')[0]);
        Assert.DoesNotMatch(Fractions(), status);

        // Machine output keeps the stored UTC instants.
        var (_, json) = Run("show", "--config", Config(), "--pon", "ACME-1001", "--json");
        using var document = JsonDocument.Parse(json);
        var version = document.RootElement.GetProperty("orders")[0].GetProperty("versions")[0];
        Assert.Equal("2026-03-02T19:30:00Z", version.GetProperty("receivedAt").GetString());
    }

    [Fact]
    public void Show_finds_the_orders_of_a_file_and_of_a_telephone_number()
    {
        var config = Seed();
        static IEnumerable<string> Pons(string json)
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("pon").GetString()!).ToList();
        }

        var (code, byFile) = Run("show", "--config", config, "--file", "acme-20260302.lsr.csv", "--json");
        Assert.Equal(0, code);
        Assert.Equal(["ACME-1001", "ACME-1002", "ACME-1003"], Pons(byFile));

        // A path is taken by its file name, as the store keeps it.
        Assert.Equal(["BR-2001", "BR-2002"], Pons(Run("show", "--config", config, "--file", "/any/folder/bridge-0302.lsr.csv", "--json").Out));

        var (tnCode, byTn) = Run("show", "--config", config, "--tn", "(602) 555-0101", "--json");
        Assert.Equal(0, tnCode);
        Assert.Equal(["BR-2001"], Pons(byTn));
        Assert.Contains("VER 00", Run("show", "--config", config, "--tn", "602.555.0101").Out, StringComparison.Ordinal);

        Assert.Equal(3, Run("show", "--config", config, "--tn", "602-555-0101", "--partner", "ACME").Code); // not found
        Assert.Equal(3, Run("show", "--config", config, "--file", "never-sent.lsr.csv").Code);
        Assert.Equal(2, Run("show", "--config", config, "--tn", "12345").Code);
        Assert.Equal(2, Run("show", "--config", config, "--pon", "BR-2001", "--tn", "6025550101").Code);
        Assert.Equal(2, Run("show", "--config", config).Code);
    }

    [GeneratedRegex(@"\d{2}:\d{2}:\d{2}\.\d")]
    private static partial Regex Fractions();

    [GeneratedRegex(@"as of \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} -0[67]:00 ")]
    private static partial Regex DeskSecond();

    public void Dispose() => _temp.Dispose();
}
