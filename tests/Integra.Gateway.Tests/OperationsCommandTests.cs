using System.Text.Json;

namespace Integra.Gateway.Tests;

/// <summary>`status --json` and `show` as operations run them: the real executable, output parsed.</summary>
public class OperationsCommandTests
{
    /// <summary>A harness on a new, empty order store (SQLite here; PostgreSQL in the subclass).</summary>
    private protected virtual CliHarness NewCli() => new();

    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,SUP";

    private static (int Code, string Out) Run(params string[] args) => GatewayProcess.Run(args);

    private async Task<CliHarness> Seeded()
    {
        var cli = NewCli();
        await cli.Process("ACME", "2026-03-02T10:00:00-08:00", Path.Combine(Repo.SampleDrop("ACME"), "acme-20260302.lsr.csv"));
        await cli.Process("BRIDGE", "2026-03-02T10:00:00-08:00", Path.Combine(Repo.SampleDrop("BRIDGE"), "bridge-0302.lsr.csv"));
        await cli.Process("PORTCO", "2026-03-02T10:00:00-08:00", Path.Combine(Repo.SampleDrop("PORTCO"), "portco-0302.csr.csv"));
        await cli.Process("ACME", "2026-03-03T10:00:00-08:00", cli.Write("v1.lsr.csv", $"{Header}\nACM,ACME-1001,01,ACMW,6001,C,CB,V,2026-03-05,5035550900,Y,A1001,97201,5035550101,3\n"));
        await cli.Process("ACME", "2026-03-04T10:00:00-08:00", cli.Write("v2.lsr.csv", $"{Header}\nACM,ACME-1001,02,ACMW,6001,C,CB,V,2026-03-09,5035550900,Y,A1001,97201,5035550101,2\n"));
        return cli;
    }

    [SkippableFact]
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

    [SkippableFact]
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
        Assert.All(versions, v => Assert.Equal("sftp", v.GetProperty("channel").GetString()));

        // The stored JSON columns are nested as JSON, not quoted as strings to be parsed again.
        Assert.All(versions, v => Assert.NotEqual(JsonValueKind.String, v.GetProperty("response").ValueKind));
        Assert.All(versions, v => Assert.NotEqual(JsonValueKind.String, v.GetProperty("evidence").ValueKind));
        Assert.Contains(versions, v => v.GetProperty("response").ValueKind is JsonValueKind.Object or JsonValueKind.Array);
        Assert.Equal("2026-03-09", order.GetProperty("focDate").GetString());
        Assert.Equal(3, order.GetProperty("events").GetArrayLength());

        var (textCode, text) = Run("show", "--pon", "ACME-1001", "--db", cli.Db);
        Assert.Equal(0, textCode);
        Assert.Contains("VER 02 SUP '2'", text, StringComparison.Ordinal);
        Assert.Equal(3, Run("show", "--pon", "NOPE", "--db", cli.Db).Code); // not found: its own exit code
    }

    [Fact]
    public void Status_shows_a_reference_files_time_in_the_desks_zone_like_every_other_time()
    {
        var denver = new Cli.DeskTime(NodaTime.DateTimeZoneProviders.Tzdb["America/Denver"]);
        Assert.Equal("tns.csv 5120 2026-03-02 12:30:00 -07:00", Cli.StatusCommand.ReferenceFileLine("tns.csv 5120 2026-03-02T19:30:00Z", denver));
        Assert.Equal("odd line", Cli.StatusCommand.ReferenceFileLine("odd line", denver));
    }
}

/// <summary>`audit` for a dispute: three versions and an LOA exported with their evidence.</summary>
public class AuditCommandTests
{
    /// <summary>A harness on a new, empty order store (SQLite here; PostgreSQL in the subclass).</summary>
    private protected virtual CliHarness NewCli() => new();

    [SkippableFact]
    public async Task Audit_exports_history_evidence_and_the_loa_document()
    {
        using var cli = NewCli();
        var loa = Path.Combine(Repo.SampleDrop("PORTCO"), "loa-a1001.pdf");
        var dir = Path.Combine(cli.Dir, "drop");
        Directory.CreateDirectory(dir);
        File.Copy(loa, Path.Combine(dir, "loa-a1001.pdf"));
        var csr = Path.Combine(dir, "dispute.csr.csv");
        await File.WriteAllTextAsync(csr, "CCNA,PON,AGAUTH,INITTEL,AN,LOA,AUTHNM,DATED\nPRT,DISPUTE-1,Y,5415550900,A1001,loa-a1001.pdf,Rosa Baker,2026-02-27\n");
        Assert.Equal(0, await cli.Process("PORTCO", "2026-03-02T10:00:00-08:00", csr));
        const string header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,SUP,AUTHNM,DATED,PASSCODE";
        for (var v = 0; v < 3; v++)
        {
            var sup = v == 0 ? string.Empty : "3";
            await cli.Process("ACME", $"2026-03-0{2 + v}T10:00:00-08:00", cli.Write($"v{v}.lsr.csv", $"{header}\nACM,DISPUTE-2,0{v},ACMW,6001,C,CB,V,2026-03-1{v},5035550900,Y,A1001,97201,5035550101,{sup},Pat Jones {v},2026-02-2{v},never-logged\n"));
        }

        var outDir = Path.Combine(cli.Dir, "audit");
        var (code, _) = Run("audit", "--pon", "DISPUTE-1", "--out", outDir, "--db", cli.Db);
        Assert.Equal(0, code);
        var folder = Path.Combine(outDir, "PORTCO-CSR-DISPUTE-1");
        Assert.Equal(await File.ReadAllBytesAsync(loa), await File.ReadAllBytesAsync(Path.Combine(folder, "documents", "00-loa-a1001.pdf")));
        Assert.Contains("Rosa Baker", await File.ReadAllTextAsync(Path.Combine(folder, "evidence.csv")), StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(loa))), await File.ReadAllTextAsync(Path.Combine(folder, "documents.csv")), StringComparison.Ordinal);

        Assert.Equal(0, Run("audit", "--pon", "DISPUTE-2", "--out", outDir, "--db", cli.Db).Code);
        var lsr = Path.Combine(outDir, "ACME-LSR-DISPUTE-2");
        var evidence = await File.ReadAllLinesAsync(Path.Combine(lsr, "evidence.csv"));
        Assert.Equal(4, evidence.Length);
        Assert.StartsWith("VER,RECEIVED_AT,CHANNEL,FILE,AGAUTH,AUTHNM,DATED", evidence[0], StringComparison.Ordinal);
        Assert.Contains("Pat Jones 2", evidence[3], StringComparison.Ordinal);
        Assert.DoesNotContain("never-logged", string.Concat(Directory.GetFiles(lsr, "*", SearchOption.AllDirectories).Select(File.ReadAllText)), StringComparison.Ordinal);
        Assert.Equal(3, Run("audit", "--pon", "NOPE", "--out", outDir, "--db", cli.Db).Code); // not found
    }

    private static (int Code, string Out) Run(params string[] args) => GatewayProcess.Run(args);
}
