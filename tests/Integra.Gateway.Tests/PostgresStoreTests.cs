using System.Data.Common;
using Dapper;
using Integra.Gateway.Storage;
using Integra.Gateway.Tests.Servers;
using Npgsql;
using NodaTime;

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
        using var store = OrderStore.Open(database, SystemClock.Instance);
        var pid = store.Connection.ExecuteScalar<int>("SELECT pg_backend_pid()");
        using (var admin = new NpgsqlConnection(pg.Server))
        {
            admin.Open();
            admin.Execute("SELECT pg_terminate_backend(@pid)", new { pid });
        }

        // The operation that meets the dead session fails (the caller retries at its next round) ...
        Assert.ThrowsAny<DbException>(() => store.FindOrder(1));

        // ... and the next one runs on a new session.
        Assert.Null(store.FindOrder(1));
        Assert.NotEqual(pid, store.Connection.ExecuteScalar<int>("SELECT pg_backend_pid()"));
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
