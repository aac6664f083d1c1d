using System.Diagnostics;
using System.Text.Json;

namespace Integra.Gateway.Tests;

/// <summary>`status --json` and `show` as operations run them: the real executable, output parsed.</summary>
public class OperationsCommandTests
{
    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,SUP";

    private static (int Code, string Out) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "integra-gateway.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    private static async Task<CliHarness> Seeded()
    {
        var cli = new CliHarness();
        await cli.Process("ACME", "2026-03-02T10:00:00-08:00", Path.Combine(Repo.SampleDrop("ACME"), "acme-20260302.lsr.csv"));
        await cli.Process("BRIDGE", "2026-03-02T10:00:00-08:00", Path.Combine(Repo.SampleDrop("BRIDGE"), "bridge-0302.lsr.csv"));
        await cli.Process("PORTCO", "2026-03-02T10:00:00-08:00", Path.Combine(Repo.SampleDrop("PORTCO"), "portco-0302.csr.csv"));
        await cli.Process("ACME", "2026-03-03T10:00:00-08:00", cli.Write("v1.lsr.csv", $"{Header}\nACM,ACME-1001,01,ACMW,6001,C,CB,V,2026-03-05,5035550900,Y,A1001,97201,5035550101,3\n"));
        await cli.Process("ACME", "2026-03-04T10:00:00-08:00", cli.Write("v2.lsr.csv", $"{Header}\nACM,ACME-1001,02,ACMW,6001,C,CB,V,2026-03-09,5035550900,Y,A1001,97201,5035550101,2\n"));
        return cli;
    }

    [Fact]
    public async Task Status_json_reports_orders_by_state_reviews_and_the_csr_sla()
    {
        using var cli = await Seeded();
        var (code, output) = Run("status", "--db", cli.Db, "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var states = root.GetProperty("ordersByState");
        Assert.Equal(2, states.GetProperty("LSR.Foc").GetInt64());
        Assert.Equal(1, states.GetProperty("LSR.PendingReview").GetInt64());
        Assert.Equal(1, states.GetProperty("CSR.Complete").GetInt64());
        var review = Assert.Single(root.GetProperty("pendingReviews").EnumerateArray());
        Assert.Equal("BR-2001", review.GetProperty("pon").GetString());
        var csr = root.GetProperty("csr");
        Assert.Equal(JsonValueKind.Null, root.GetProperty("lastSweep").ValueKind);
        Assert.True(csr.GetProperty("received30Days").GetInt64() >= 0);
    }

    [Fact]
    public async Task Show_lists_every_version_with_channel_file_decision_and_history()
    {
        using var cli = await Seeded();
        var (code, output) = Run("show", "--pon", "ACME-1001", "--partner", "ACME", "--db", cli.Db, "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var order = Assert.Single(json.RootElement.GetProperty("orders").EnumerateArray());
        var versions = order.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(["00", "01", "02"], versions.Select(v => v.GetProperty("ver").GetString()));
        Assert.Equal(["acme-20260302.lsr.csv", "v1.lsr.csv", "v2.lsr.csv"], versions.Select(v => v.GetProperty("file").GetString()));
        Assert.All(versions, v => Assert.Equal("SFTP", v.GetProperty("channel").GetString()));
        Assert.Equal("2026-03-09", order.GetProperty("focDate").GetString());
        Assert.Equal(3, order.GetProperty("events").GetArrayLength());

        var (textCode, text) = Run("show", "--pon", "ACME-1001", "--db", cli.Db);
        Assert.Equal(0, textCode);
        Assert.Contains("VER 02 SUP '2'", text, StringComparison.Ordinal);
        Assert.Equal(2, Run("show", "--pon", "NOPE", "--db", cli.Db).Code);
    }
}
