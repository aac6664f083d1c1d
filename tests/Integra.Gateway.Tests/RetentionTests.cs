using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;
using Dapper;
using Integra.Gateway.Drops;
using Integra.Gateway.Operations;
using Integra.Gateway.Operations.Retention;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Tests.Servers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 29: retention on a fake clock. Three years after a day's files, what is past its retention goes, in
/// batches; an open order, and everything of an order under a dispute, stays; what went is counted per kind.
/// SQLite here; PostgreSQL in the subclass.
/// </summary>
public class RetentionTests : IDisposable
{
    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN";
    private static readonly Instant Day = Instant.FromUtc(2024, 3, 4, 17, 0); // a Monday, 10:00 in Denver
    private readonly TempDir _temp = new();

    /// <summary>The store under test: a SQLite file here.</summary>
    private protected virtual string NewDatabase() => _temp.File("gateway.db");

    [SkippableFact]
    public async Task Three_years_on_what_is_past_retention_goes_and_open_or_disputed_orders_stay()
    {
        var database = NewDatabase();
        var clock = new FakeClock(Day);
        var data = ReferenceDataLoader.Load(Repo.SampleData);
        using var store = TestStores.Open(database, clock);
        var root = _temp.File("drop");
        var folder = new LocalDropFolder(Path.Combine(root, "ACME"));
        folder.EnsureFolders();
        var poller = new DropPoller(
            data.Partner("ACME")!, "local", folder, new RequestFileProcessor(data, new PolicyOptions(), new Intake.IntakeLimits(), store),
            store.Intake, clock, Duration.FromSeconds(1), NullLogger.Instance);

        // A rejected (closed) order, a FOC (open) order, and a rejected order that a dispute is about.
        Drop(folder, "closed.lsr.csv", "CL-1", "9995550100");
        Drop(folder, "open.lsr.csv", "OP-1", "5035550101");
        Drop(folder, "disputed.lsr.csv", "DS-1", "9995550101");
        await poller.PollAsync(default);
        clock.AdvanceSeconds(2);
        Assert.Equal(3, await poller.PollAsync(default));
        var states = store.Connection.Query<(string Pon, string State, long Id)>("SELECT pon, state, id FROM orders").ToDictionary(o => o.Pon);
        Assert.Equal("Rejected", states["CL-1"].State);
        Assert.Equal("Foc", states["OP-1"].State);
        Assert.Equal("Rejected", states["DS-1"].State);

        var at = StoreFormats.Text(Day);
        var old = StoreFormats.Text(Day - Duration.FromDays(3000));
        store.Connection.Execute(
            "INSERT INTO outbox (kind, partner, file_name, cells, created_at, delivered_at) VALUES ('Response', 'ACME', 'sent.resp.csv', '[]', @at, @at), ('Response', 'ACME', 'waiting.resp.csv', '[]', @at, NULL)",
            new { at });
        store.Connection.Execute(
            "INSERT INTO portal_audit (at, actor, partner, action, target, detail, address) VALUES (@old, 'desk', 'ACME', 'login', 'desk', '', '127.0.0.1'), (@at, 'desk', 'ACME', 'login', 'desk', '', '127.0.0.1')",
            new { old, at });

        // The closed order's dispute was decided that day; the other's is still open.
        store.Connection.Execute(
            """
            INSERT INTO evidence_requests (order_id, partner, kind, pon, reason, tns, due_date, due_at, state, opened_by, opened_at, decided_by, decided_at, decision)
            VALUES (@closed, 'ACME', 'LSR', 'CL-1', 'slamming', '9995550100', '2024-03-04', @at, 'accepted', 'desk', @at, 'desk', @at, 'kept'),
                   (@disputed, 'ACME', 'LSR', 'DS-1', 'slamming', '9995550101', '2024-03-04', @at, 'open', 'desk', @at, NULL, NULL, '')
            """,
            new { closed = states["CL-1"].Id, disputed = states["DS-1"].Id, at });
        foreach (var file in Directory.GetFiles(Path.Combine(folder.Location, "archive")).Concat(Directory.GetFiles(Path.Combine(folder.Location, "out"))))
        {
            File.SetLastWriteTimeUtc(file, Day.ToDateTimeUtc());
        }

        clock.Advance(Duration.FromDays(3 * 365 + 1));
        using var factory = new TestMeterFactory();
        var metrics = new GatewayMetrics(factory);
        using var removed = new MetricCollector<long>(factory, GatewayMetrics.MeterName, "gateway.retention.removed");
        var logger = new CapturingLogger();
        var settings = new RetentionSettings { BatchSize = 1 }; // every kind in several batches
        var result = await new RetentionRun(settings, clock, metrics, logger).RunAsync(store, database, root, CancellationToken.None);

        Assert.Equal(1, result.Removed[RetentionKinds.DeliveredOutbox]);
        Assert.True(result.Removed[RetentionKinds.IntakeLedger] >= 3, $"ledger: {result.Removed[RetentionKinds.IntakeLedger]}");
        Assert.Equal(1, result.Removed[RetentionKinds.ResponseBodies]);
        Assert.Equal(2, result.Removed[RetentionKinds.DropFiles]);
        Assert.Equal(1, result.Removed[RetentionKinds.PortalAudit]);
        Assert.True(result.StoreBytes > 0);

        // What stays: the undelivered outbox row, the open and the disputed orders' answers and files, the recent audit row.
        Assert.Equal(["waiting.resp.csv"], store.Connection.Query<string>("SELECT file_name FROM outbox"));
        var bodies = store.Connection.Query<(string Pon, string Response)>("SELECT o.pon, v.response FROM versions v JOIN orders o ON o.id = v.order_id").ToDictionary(v => v.Pon, v => v.Response);
        Assert.Equal("[]", bodies["CL-1"]);
        Assert.NotEqual("[]", bodies["OP-1"]);
        Assert.NotEqual("[]", bodies["DS-1"]);
        Assert.Equal(3, store.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM orders")); // orders themselves stay
        Assert.Equal(["disputed.lsr.csv", "open.lsr.csv"], Directory.GetFiles(Path.Combine(folder.Location, "archive")).Select(Path.GetFileName).Order());
        Assert.Equal(["disputed.lsr.resp.csv", "open.lsr.resp.csv"], Directory.GetFiles(Path.Combine(folder.Location, "out")).Select(Path.GetFileName).Order());
        Assert.Equal(1, store.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM portal_audit"));
        Assert.Equal(["CL-1", "DS-1"], store.Connection.Query<string>("SELECT pon FROM evidence_requests ORDER BY pon")); // evidence stays with its order

        // Counted by kind, logged once.
        var counted = removed.GetMeasurementSnapshot().GroupBy(m => (string)m.Tags["kind"]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Equal(result.Removed, counted);
        Assert.Single(logger.Entries, e => e.Message.StartsWith("Retention as of", StringComparison.Ordinal));

        // A second run finds nothing more.
        var again = await new RetentionRun(settings, clock, metrics, NullLogger.Instance).RunAsync(store, database, root, CancellationToken.None);
        Assert.All(again.Removed.Values, v => Assert.Equal(0, v));
    }

    [Fact]
    public void A_retention_setting_that_is_not_a_positive_span_stops_the_start_naming_its_key()
    {
        var config = _temp.File("appsettings.json");
        File.WriteAllText(config, System.Text.Json.JsonSerializer.Serialize(new
        {
            Gateway = new { DataDirectory = Repo.SampleData, Database = _temp.File("g.db") },
            Retention = new { Evidence = "-1.00:00:00" },
        }));
        var (code, _, error) = GatewayProcess.RunWithErrors(TimeSpan.FromSeconds(60), "status", "--config", config);
        Assert.Equal(2, code);
        Assert.Contains("Retention:Evidence", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_daemon_schedules_retention_daily_on_the_sweeps_scheduler_with_the_sweep_on_or_off(bool sweep)
    {
        var configFile = _temp.File($"retention-{sweep}.json");
        await File.WriteAllTextAsync(configFile, System.Text.Json.JsonSerializer.Serialize(new
        {
            Gateway = new { DataDirectory = Repo.SampleData, Database = _temp.File("schedule.db") },
            LocalDrop = new { Root = _temp.File("drop"), SeedFrom = string.Empty },
            Lifecycle = new { SweepEnabled = sweep, NpacOutbox = _temp.File("npac") },
        }));
        using var host = Hosting.GatewayHost.Build(configFile);
        Assert.Single(host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s.GetType().Name == "QuartzHostedService");
        var scheduler = await host.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<Quartz.ICronTrigger>(await scheduler.GetTrigger(new Quartz.TriggerKey("retention-daily")));
        Assert.Equal("0 30 3 * * ?", trigger.CronExpressionString);
        Assert.Equal("America/Denver", trigger.TimeZone.Id);
        Assert.Equal(RetentionJob.Key, trigger.JobKey);
        Assert.Equal(sweep, await scheduler.GetTrigger(new Quartz.TriggerKey("expiry-sweep-daily")) is not null);
    }

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    private static void Drop(LocalDropFolder folder, string name, string pon, string tn) =>
        File.WriteAllText(Path.Combine(folder.Location, "in", name), $"{Header}\nACM,{pon},00,ACMW,6001,C,CB,V,2024-03-12,5035550900,Y,A1001,97201,{tn}\n");

    /// <summary>An <see cref="System.Diagnostics.Metrics.IMeterFactory"/> of the test's own.</summary>
    private sealed class TestMeterFactory : System.Diagnostics.Metrics.IMeterFactory
    {
        private readonly List<System.Diagnostics.Metrics.Meter> _meters = [];

        public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options)
        {
            var meter = new System.Diagnostics.Metrics.Meter(options.Name, options.Version, options.Tags, this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}

[Collection(Postgres.Name)]
public sealed class RetentionTestsOnPostgres(PostgresFixture pg) : RetentionTests
{
    private protected override string NewDatabase() => pg.NewDatabase();
}
