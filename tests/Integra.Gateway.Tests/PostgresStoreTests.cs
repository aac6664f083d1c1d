using System.Data.Common;
using Dapper;
using Integra.Gateway.Drops;
using Integra.Gateway.Operations;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Sessions;
using Integra.Gateway.Tests.Servers;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Npgsql;

namespace Integra.Gateway.Tests;

// The store's tests again, each on a new database of a real PostgreSQL 15 (SPEC §6: the same commands and
// answers whichever database holds the orders).

[Collection(Postgres.Name)]
public sealed class OrderStoreTestsOnPostgres(PostgresFixture pg) : OrderStoreTests
{
    [SkippableFact]
    public void A_store_whose_database_session_was_killed_connects_again_for_the_next_operation()
    {
        var database = pg.NewDatabase();
        using var store = TestStores.Open(database, SystemClock.Instance);
        var pid = store.Connection.ExecuteScalar<int>("SELECT pg_backend_pid()");
        using (var admin = new NpgsqlConnection(pg.Server))
        {
            admin.Open();
            admin.Execute("SELECT pg_terminate_backend(@pid)", new { pid });
        }

        // The operation that meets the dead session fails (the caller retries at its next round) ...
        Assert.ThrowsAny<DbException>(() => store.Orders.FindOrder(1));

        // ... and the next one runs on a new session.
        Assert.Null(store.Orders.FindOrder(1));
        Assert.NotEqual(pid, store.Connection.ExecuteScalar<int>("SELECT pg_backend_pid()"));
    }

    [SkippableFact]
    public async Task Two_instances_never_poll_one_partners_drop_at_the_same_time()
    {
        var database = pg.NewDatabase();
        using var temp = new TempDir();
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 3, 2, 17, 0));
        var data = ReferenceDataLoader.Load(Repo.SampleData);
        var local = new LocalDropFolder(temp.File("ACME"));
        local.EnsureFolders();
        File.Copy(Path.Combine(Repo.SampleDrop("ACME"), "acme-20260302.lsr.csv"), Path.Combine(local.Location, "in", "a.lsr.csv"));
        using var storeA = TestStores.Open(database, clock);
        using var storeB = TestStores.Open(database, clock);
        var folderA = new FaultyFolder(local);
        var folderB = new FaultyFolder(local);
        DropPoller Poller(IUnitOfWork store, IDropFolder folder) => new(
            data.Partner("ACME")!, "local", folder, new RequestFileProcessor(data, new PolicyOptions(), new Intake.IntakeLimits(), store),
            store.Intake, clock, Duration.Zero, NullLogger.Instance);
        var a = Poller(storeA, folderA);
        var b = Poller(storeB, folderB);

        // While instance A is inside its rounds, instance B's rounds find the lease taken and do nothing.
        var duringA = new List<int>();
        folderA.DuringList = async () => duringA.Add(await b.PollAsync(default) + await b.PollAsync(default));
        Assert.Equal(0, await a.PollAsync(default));
        Assert.Equal(1, await a.PollAsync(default));
        Assert.Equal([0, 0], duringA);
        Assert.Equal((1, 0), (folderA.Responses, folderB.Responses));

        // Once A is between rounds, B polls normally.
        File.Copy(Path.Combine(Repo.SampleDrop("ACME"), "acme-20260302.lsr.csv"), Path.Combine(local.Location, "in", "b.lsr.csv"));
        Assert.Equal(0, await b.PollAsync(default));
        Assert.Equal(1, await b.PollAsync(default));
        Assert.Equal(1, folderB.Responses);
    }

    [SkippableFact]
    public async Task One_instance_watches_the_csr_sla_and_another_takes_over_when_it_stops()
    {
        var database = pg.NewDatabase();
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 3, 2, 17, 0));
        using var storeA = TestStores.Open(database, clock);
        using var storeB = TestStores.Open(database, clock);
        await storeA.Intake.SightedAsync("PORTCO", "sftp", "stuck.csr.csv", CancellationToken.None);
        var loggerA = new CapturingLogger();
        var loggerB = new CapturingLogger();
        var monitorB = new CsrSlaMonitor(storeB, loggerB);
        await using (var monitorA = new CsrSlaMonitor(storeA, loggerA))
        {
            clock.AdvanceHours(21);
            Assert.Equal(1, await monitorA.CheckIfWatcherAsync(clock.GetCurrentInstant(), CancellationToken.None));
            Assert.Null(await monitorB.CheckIfWatcherAsync(clock.GetCurrentInstant(), CancellationToken.None));
            Assert.Equal((1, 0), (loggerA.Entries.Count, loggerB.Entries.Count));
        }

        // A stopped: B watches from its next check on.
        clock.AdvanceHours(4);
        Assert.Equal(1, await monitorB.CheckIfWatcherAsync(clock.GetCurrentInstant(), CancellationToken.None));
        Assert.Contains(loggerB.Entries, e => e.Id.Name == "CsrSlaBreached");
        await monitorB.DisposeAsync();
    }

    private protected override string NewDatabase(TempDir temp) => pg.NewDatabase();
}

[Collection(Postgres.Name)]
public sealed class ProcessCommandTestsOnPostgres(PostgresFixture pg) : ProcessCommandTests
{
    private protected override CliHarness NewCli() => new(pg.NewDatabase());
}

[Collection(Postgres.Name)]
public sealed class ReviewCommandTestsOnPostgres(PostgresFixture pg) : ReviewCommandTests
{
    private protected override CliHarness NewCli() => new(pg.NewDatabase());
}

[Collection(Postgres.Name)]
public sealed class LifecycleTestsOnPostgres(PostgresFixture pg) : LifecycleTests
{
    private protected override CliHarness NewCli() => new(pg.NewDatabase());
}

[Collection(Postgres.Name)]
public sealed class OperationsCommandTestsOnPostgres(PostgresFixture pg) : OperationsCommandTests
{
    private protected override CliHarness NewCli() => new(pg.NewDatabase());
}

[Collection(Postgres.Name)]
public sealed class AuditCommandTestsOnPostgres(PostgresFixture pg) : AuditCommandTests
{
    private protected override CliHarness NewCli() => new(pg.NewDatabase());
}

[Collection(Postgres.Name)]
public sealed class SupplementLifecycleTestsOnPostgres(PostgresFixture pg) : SupplementLifecycleTests
{
    private protected override CliHarness NewCli() => new(pg.NewDatabase());
}

[Collection(Postgres.Name)]
public sealed class ContractV3TestsOnPostgres(PostgresFixture pg) : ContractV3Tests
{
    private protected override CliHarness NewCli() => new(pg.NewDatabase());
}
