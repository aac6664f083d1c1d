using Integra.Gateway.Storage.Outbox;

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
    public async Task Review_approval_is_never_in_the_past()
    {
        // Reviewed Thursday 2026-03-05 10:00 Phoenix: the requested Tuesday has passed, so the FOC is Thursday,
        // the review's own effective received date (non-simple cutoff 15:00).
        using var cli = await Pending();
        Assert.Equal(0, await cli.Review("BRIDGE", "BR-2001", "2026-03-05T10:00:00-07:00", "--approve"));
        Assert.All(cli.Rows("BRIDGE", "review-BR-2001-00.resp.csv"), r => Assert.Equal("2026-03-05", r["DD"]));
    }

    [SkippableFact]
    public async Task Review_approval_after_the_cutoff_confirms_the_next_business_day_at_the_earliest()
    {
        using var cli = await Pending();
        Assert.Equal(0, await cli.Review("BRIDGE", "BR-2001", "2026-03-06T15:30:00-07:00", "--approve"));
        Assert.All(cli.Rows("BRIDGE", "review-BR-2001-00.resp.csv"), r => Assert.Equal("2026-03-09", r["DD"]));
    }

    [SkippableFact]
    public async Task Review_a_date_before_the_reviews_effective_received_date_is_refused_with_exit_2()
    {
        using var cli = await Pending();
        Assert.Equal(2, await cli.Review("BRIDGE", "BR-2001", "2026-03-05T10:00:00-07:00", "--approve", "--dd", "2026-03-04"));
        Assert.False(File.Exists(Path.Combine(cli.Out, "BRIDGE", "review-BR-2001-00.resp.csv")));
        Assert.Equal(0, await cli.Review("BRIDGE", "BR-2001", "2026-03-05T10:00:00-07:00", "--approve", "--dd", "2026-03-05"));
    }

    [SkippableFact]
    public async Task Review_denial_focs_at_the_later_of_the_original_sdd_and_the_sdd_from_the_review()
    {
        // Original SDD Friday 2026-03-06; denied Thursday 2026-03-05: ERD Thursday + 4 business days = Wednesday 03-11.
        using var cli = await Pending();
        Assert.Equal(0, await cli.Review("BRIDGE", "BR-2001", "2026-03-05T10:00:00-07:00", "--deny"));
        Assert.All(cli.Rows("BRIDGE", "review-BR-2001-00.resp.csv"), r => Assert.Equal(("FOC", "2026-03-11"), (r["RESPTYP"], r["DD"])));
    }

    [SkippableFact]
    public async Task Review_records_its_foc_for_delivery_to_the_partner()
    {
        using var cli = await Pending();
        Assert.Equal(0, await cli.Review("BRIDGE", "BR-2001", Now, "--approve"));
        using var store = TestStores.Open(cli.Db, NodaTime.SystemClock.Instance);
        var waiting = Assert.Single((await store.Outbox.PendingAsync(Delivery.OutboxKind.Response, "BRIDGE", CancellationToken.None)));
        Assert.Equal("review-BR-2001-00.resp.csv", waiting.FileName);
        Assert.All(waiting.Rows, r => Assert.Equal(("FOC", "BR-2001", "00"), (r[0], r[2], r[3])));
    }

    [SkippableFact]
    public async Task Review_foc_goes_to_the_channel_of_the_request_under_review_not_of_a_later_rejected_supplement()
    {
        using var cli = await Pending();
        var header = File.ReadLines(Path.Combine(Repo.SampleDrop("BRIDGE"), "bridge-0302.lsr.csv")).First();
        var sup = cli.Write(
            "bridge-sup.lsr.csv",
            header + "\nBRG,BR-2001,01,BRGC,6101,D,CB,V,2026-03-03,60255,Y,A1003,85004,6025550101,3,Y,,DISC 602-555-0102,2026-03-02T09:00:00-07:00,Lee Park,2026-03-01\n");
        cli.Channel = "email"; // BRIDGE is in Arizona: an emailed supplement is rejected (R50)
        Assert.Equal(0, await cli.Process("BRIDGE", Now, sup));
        Assert.Equal("REJ", cli.Rows("BRIDGE", "bridge-sup.lsr.resp.csv")[0]["RESPTYP"]);

        Assert.Equal(0, await cli.Review("BRIDGE", "BR-2001", Now, "--approve"));
        using var store = TestStores.Open(cli.Db, NodaTime.SystemClock.Instance);
        var waiting = Assert.Single((await store.Outbox.PendingAsync(Delivery.OutboxKind.Response, "BRIDGE", CancellationToken.None)));
        Assert.Equal(Rules.Model.Channel.Sftp, waiting.Route?.Channel);
    }

    [SkippableFact]
    public async Task A_reviewed_version_resent_gets_the_foc()
    {
        using var cli = await Pending();
        await cli.Review("BRIDGE", "BR-2001", Now, "--deny");
        await cli.Process("BRIDGE", Now, Path.Combine(Repo.SampleDrop("BRIDGE"), "bridge-0302.lsr.csv"));
        var resent = cli.Rows("BRIDGE", "bridge-0302.lsr.2.resp.csv")[0]; // beside the first answer, never over it (SPEC §5)
        Assert.Equal(("FOC", "2026-03-06"), (resent["RESPTYP"], resent["DD"]));
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
