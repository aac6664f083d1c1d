using System.Text.Json;

namespace Integra.Gateway.Tests;

/// <summary>
/// SPEC §4 "Local": an account in a SPLIT state with no zone is bad reference data, so `process` and `run` stop
/// with exit 2 and one line naming the account (SPEC §6), not a stack trace and not a guessed zone.
/// </summary>
public sealed class SplitZoneStartupTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDir _temp = new();

    /// <summary>The shipped samples plus an account in Mobridge, SD (ZIP 576, which the samples' zones.csv leaves out).</summary>
    private string UnresolvedData()
    {
        var dir = _temp.File("reference");
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.EnumerateFiles(Repo.SampleData))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        File.AppendAllText(Path.Combine(dir, "accounts.csv"), "A9001,Integra Telecom,SD,57601,,Mobridge Feed,\"1 Main St, Mobridge SD\",POTS,N,N,\n");
        return dir;
    }

    private static void AssertOneLineNamingTheAccount(int code, string error)
    {
        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("integra-gateway: accounts.csv: account(s) in split-zone states with no zone: A9001 (SD, ZIP 57601, line 13)", line, StringComparison.Ordinal);
        Assert.DoesNotContain("exception", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Process_refuses_an_account_in_a_split_state_without_a_zone()
    {
        var request = _temp.File("a.lsr.csv");
        File.WriteAllText(request, File.ReadAllText(Path.Combine(Repo.SampleDrop("ACME"), "acme-20260302.lsr.csv")));
        var (code, _, error) = GatewayProcess.RunWithErrors(
            Patience,
            "process", "--data", UnresolvedData(), "--db", _temp.File("gateway.db"), "--out", _temp.File("out"), "--partner", "ACME", "--received", "2026-03-02T12:30:00-07:00", request);
        AssertOneLineNamingTheAccount(code, error);
        Assert.False(Directory.Exists(_temp.File("out")), "nothing may be answered with a guessed zone");
    }

    [Fact]
    public void Run_refuses_to_start_with_an_account_in_a_split_state_without_a_zone()
    {
        var config = _temp.File("appsettings.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new
        {
            Gateway = new { DataDirectory = UnresolvedData(), Database = _temp.File("gateway.db") },
            LocalDrop = new { Enabled = false },
            Lifecycle = new { SweepEnabled = false, SweepOnStart = false },
        }));
        var (code, _, error) = GatewayProcess.RunWithErrors(Patience, "run", "--config", config);
        AssertOneLineNamingTheAccount(code, error);
    }

    public void Dispose() => _temp.Dispose();
}
