using Dapper;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using NodaTime;
using NodaTime.Testing;

namespace Integra.Gateway.Tests;

/// <summary>The intake ledger stays fast for a file a partner sends again and again (issue 18).</summary>
public class IntakeLedgerTests
{
    [Fact]
    public async Task Looking_up_an_open_upload_skips_the_archived_uploads_of_the_same_file()
    {
        using var temp = new TempDir();
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 18, 0));
        using var store = TestStores.Open(temp.File("gateway.db"), clock);
        var ledger = store.Intake;
        for (var i = 0; i < 3; i++)
        {
            var upload = (await ledger.OpenAsync("ACME", "local", "loop.csr.csv", 10, "same", clock.GetCurrentInstant(), CancellationToken.None));
            await ledger.MarkArchivedAsync(upload.Id, "ACME", "local", "loop.csr.csv", CancellationToken.None);
        }

        var open = (await ledger.OpenAsync("ACME", "local", "loop.csr.csv", 10, "same", clock.GetCurrentInstant(), CancellationToken.None));
        Assert.Equal(open, (await ledger.OpenAsync("ACME", "local", "loop.csr.csv", 10, "same", clock.GetCurrentInstant(), CancellationToken.None)));

        // Through the index of open uploads: an index over all of them would step over every archived copy, so the
        // k-th upload of one file would cost k.
        var plan = string.Join('\n', store.Connection.Query<(long, long, long, string Detail)>(
            "EXPLAIN QUERY PLAN " + IntakeLedger.OpenUploadQuery,
            new { partner = "ACME", channel = "local", path = "loop.csr.csv", size = 10, sha256 = "same" }).Select(r => r.Detail));
        Assert.Contains("USING INDEX intake_files_open", plan, StringComparison.Ordinal);
    }
}
