using Integra.Gateway.Tests.Servers;

namespace Integra.Gateway.Tests;

// The store's tests again, each on a new database of a real PostgreSQL 15 (SPEC §6: the same commands and
// answers whichever database holds the orders).

[Collection(Postgres.Name)]
public sealed class OrderStoreTestsOnPostgres(PostgresFixture pg) : OrderStoreTests
{
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
