using Integra.Gateway.Operations;
using Integra.Gateway.Storage.Evidence;
using Integra.Gateway.Tests.Servers;
using NodaTime;
using Npgsql;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 27 item 3 on PostgreSQL: two instances' checkers (each with its own connection pool, as two processes have)
/// race over one database round after round, and every request that goes past due is said exactly once between them.
/// </summary>
[Collection(Postgres.Name)]
public sealed class EvidenceOverduePostgresTests(PostgresFixture pg)
{
    private const int Requests = 40;

    [SkippableFact]
    public async Task Two_checkers_racing_on_one_database_say_each_past_due_request_exactly_once()
    {
        var (cli, orderId) = await EvidenceOverdueTests.Seeded(pg.NewDatabase());
        using var harness = cli;
        var stores = TestStores.Factory(cli.Db, SystemClock.Instance);
        var store = new PortalEvidence(stores, folder: null);

        // Due at the end of a day each, ten a day from the 5th on: four rounds of checks, each past one more day.
        var days = Enumerable.Range(0, Requests / 10).Select(d => new LocalDate(2026, 3, 5).PlusDays(d)).ToList();
        var denver = DateTimeZoneProviders.Tzdb["America/Denver"];
        var ids = new List<long>();
        foreach (var day in days)
        {
            for (var i = 0; i < 10; i++)
            {
                ids.Add(await EvidenceOverdueTests.Open(store, orderId, day, day.PlusDays(1).AtStartOfDayInZone(denver).ToInstant()));
            }
        }


        var loggers = new[] { new CapturingLogger(), new CapturingLogger() };
        var watches = loggers.Select((logger, i) => new EvidenceOverdueWatch(TestStores.Factory(Instance(cli.Db, i), SystemClock.Instance), logger)).ToList();
        foreach (var day in days)
        {
            var now = day.PlusDays(1).AtStartOfDayInZone(denver).ToInstant() + Duration.FromSeconds(1);
            for (var attempt = 0; attempt < 3; attempt++)
            {
                using var start = new Barrier(watches.Count);
                await Task.WhenAll(watches.Select(w => Task.Run(async () =>
                {
                    start.SignalAndWait();
                    return await w.CheckAsync(now, CancellationToken.None);
                })));
            }
        }

        var said = loggers.SelectMany(l => l.Entries).Where(e => e.Id.Name == "EvidenceRequestOverdue").Select(e => long.Parse(e.Fields["RequestId"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), said.Order());
        Assert.All(ids, id => Assert.NotNull(EvidenceOverdueTests.MarkedAt(stores, id)));
    }

    /// <summary>The same database under another application name: a pool of its own, as another process has.</summary>
    private static string Instance(string database, int i) =>
        new NpgsqlConnectionStringBuilder(database) { ApplicationName = $"integra-gateway-{i}" }.ConnectionString;
}
