namespace Integra.Gateway.Tests;

/// <summary>`integra-gateway review` on the BRIDGE sample: BR-2001 asks to expedite a Centrex port (PND X01).</summary>
public class ReviewCommandTests
{
    /// <summary>A harness on a new, empty order store (SQLite here; PostgreSQL in the subclass).</summary>
    private protected virtual CliHarness NewCli() => new();

    private const string Received = "2026-03-02T12:30:00-07:00";
    private const string Now = "2026-03-02T14:00:00-07:00";

    private async Task<CliHarness> Pending()
    {
        var cli = NewCli();
        Assert.Equal(0, await cli.Process("BRIDGE", Received, Path.Combine(Repo.SampleDrop("BRIDGE"), "bridge-0302.lsr.csv")));
        var pnd = cli.Rows("BRIDGE", "bridge-0302.lsr.resp.csv")[0];
        Assert.Equal(("PND", "X01", "BR-2001"), (pnd["RESPTYP"], pnd["CODE"], pnd["PON"]));
        return cli;
    }

    [SkippableFact]
    public async Task L11_approve_focs_at_the_requested_ddd()
    {
        using var cli = await Pending();
        Assert.Equal(0, await cli.Review("BRIDGE", "BR-2001", Now, "--approve"));
        var rows = cli.Rows("BRIDGE", "review-BR-2001-00.resp.csv");
        Assert.All(rows, r => Assert.Equal(("FOC", "2026-03-03", "BR-2001", "00"), (r["RESPTYP"], r["DD"], r["PON"], r["VER"])));
        Assert.Equal([("6025550101", "P"), ("6025550102", "D")], rows.Select(r => (r["TN"], r["LNA"])));
    }

    [SkippableFact]
    public async Task L11_approve_with_a_date_focs_at_that_date()
    {
        using var cli = await Pending();
        Assert.Equal(0, await cli.Review("BRIDGE", "BR-2001", Now, "--approve", "--dd", "2026-03-04"));
        Assert.All(cli.Rows("BRIDGE", "review-BR-2001-00.resp.csv"), r => Assert.Equal("2026-03-04", r["DD"]));
    }

    [SkippableFact]
    public async Task L11_deny_focs_at_the_standard_due_date()
    {
        using var cli = await Pending();
        Assert.Equal(0, await cli.Review("BRIDGE", "BR-2001", Now, "--deny"));
        Assert.All(cli.Rows("BRIDGE", "review-BR-2001-00.resp.csv"), r => Assert.Equal("2026-03-06", r["DD"]));
    }

    [SkippableFact]
    public async Task A_reviewed_version_resent_gets_the_foc()
    {
        using var cli = await Pending();
        await cli.Review("BRIDGE", "BR-2001", Now, "--deny");
        await cli.Process("BRIDGE", Now, Path.Combine(Repo.SampleDrop("BRIDGE"), "bridge-0302.lsr.csv"));
        Assert.Equal(("FOC", "2026-03-06"), (cli.Rows("BRIDGE", "bridge-0302.lsr.resp.csv")[0]["RESPTYP"], cli.Rows("BRIDGE", "bridge-0302.lsr.resp.csv")[0]["DD"]));
    }

    [SkippableFact]
    public async Task Review_errors_exit_2()
    {
        using var cli = await Pending();
        Assert.Equal(2, await cli.Review("BRIDGE", "BR-2002", Now, "--approve")); // rejected, not pending
        Assert.Equal(2, await cli.Review("BRIDGE", "BR-2001", Now, "--approve", "--deny"));
        Assert.Equal(2, await cli.Review("BRIDGE", "BR-2001", Now));
        Assert.Equal(2, await cli.Review("BRIDGE", "BR-2001", Now, "--approve", "--dd", "2026-03-07")); // Saturday
        Assert.Equal(2, await cli.Review("BRIDGE", "BR-2001", Now, "--deny", "--dd", "2026-03-04"));
        Assert.Equal(0, await cli.Review("BRIDGE", "BR-2001", Now, "--deny"));
        Assert.Equal(2, await cli.Review("BRIDGE", "BR-2001", Now, "--deny")); // already reviewed
    }
}
