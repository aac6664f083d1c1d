namespace Integra.Gateway.Tests;

/// <summary>
/// `review --approve --dd` refuses a date the rules refuse with exit 2 and one line on stderr,
/// <c>integra-gateway: --dd: PROBLEM</c> (SPEC §4 expedite review, §6); contract v3 adds the 30-day bound (issue 24
/// item 6). BRIDGE's BR-2001 (Arizona, PND X01) reviewed Monday 2026-03-02 14:00 Phoenix: day 30 is Wednesday 04-01.
/// </summary>
public sealed class ReviewDateBoundCommandTests : IDisposable
{
    private const string Now = "2026-03-02T14:00:00-07:00";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task Pending() =>
        Assert.Equal(0, await _cli.Process("BRIDGE", "2026-03-02T12:30:00-07:00", Path.Combine(Repo.SampleDrop("BRIDGE"), "bridge-0302.lsr.csv")));

    /// <summary>The review as a separate process, so its stderr is its own.</summary>
    private (int Code, string Error) Review(string now, string dd)
    {
        var (code, _, error) = GatewayProcess.RunWithErrors(
            Patience,
            ["review", "--data", _cli.Data, "--db", _cli.Db, "--out", _cli.Out, "--now", now, "--partner", "BRIDGE", "--pon", "BR-2001", "--approve", "--dd", dd]);
        return (code, error);
    }

    [Theory]
    [InlineData(Now, "2026-04-02", "--dd: 2026-04-02 is more than 30 calendar days after the review's local date 2026-03-02; give 2026-04-01 or earlier")]
    [InlineData(Now, "2026-07-01", "--dd: 2026-07-01 is more than 30 calendar days after the review's local date 2026-03-02")]
    [InlineData("2026-03-05T10:00:00-07:00", "2026-03-04", "--dd: 2026-03-04 is before the review's effective received date 2026-03-05")]
    public async Task Review_a_refused_dd_exits_2_with_one_line_on_stderr_and_writes_nothing(string now, string dd, string problem)
    {
        await Pending();
        var (code, error) = Review(now, dd);

        Assert.True(code == 2, $"exit {code}, stderr: {error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"integra-gateway: {problem}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_cli.Out, "BRIDGE", "review-BR-2001-00.resp.csv")));
    }

    [Fact]
    public async Task Review_day_30_after_the_reviews_local_date_is_confirmed()
    {
        await Pending();
        Assert.Equal(2, await _cli.Review("BRIDGE", "BR-2001", Now, "--approve", "--dd", "2026-04-02"));
        Assert.Equal(0, await _cli.Review("BRIDGE", "BR-2001", Now, "--approve", "--dd", "2026-04-01"));
        Assert.All(_cli.Rows("BRIDGE", "review-BR-2001-00.resp.csv"), r => Assert.Equal(("FOC", "2026-04-01"), (r["RESPTYP"], r["DD"])));
    }
}
