using Integra.Gateway.Storage;
using NodaTime;

namespace Integra.Gateway.Tests;

public class OrderStoreTests
{
    [SkippableFact]
    public async Task Workers_opening_a_new_store_at_the_same_time_migrate_it_once()
    {
        using var temp = new TempDir();
        var database = NewDatabase(temp);
        var opens = Enumerable.Range(0, 8).Select(_ => Task.Run(() => OrderStore.Open(database, SystemClock.Instance))).ToList();
        var stores = await Task.WhenAll(opens);
        foreach (var store in stores)
        {
            store.Dispose();
        }

        using var check = OrderStore.Open(database, SystemClock.Instance);
        Assert.Null(check.FindOrder(1));
    }

    [SkippableFact]
    public void A_lease_is_held_by_one_store_at_a_time_and_free_again_when_released()
    {
        using var temp = new TempDir();
        var database = NewDatabase(temp);
        using var first = OrderStore.Open(database, SystemClock.Instance);
        using var second = OrderStore.Open(database, SystemClock.Instance);

        var lease = first.TryLease("drop:ACME:sftp");
        Assert.NotNull(lease);
        using (var other = second.TryLease("drop:ACME:sftp"))
        {
            Assert.Equal(first.Provider == StoreProvider.Postgres, other is null);
        }

        using (var otherPartner = second.TryLease("drop:BETA:sftp"))
        {
            Assert.NotNull(otherPartner);
        }

        lease.Dispose();
        using var again = second.TryLease("drop:ACME:sftp");
        Assert.NotNull(again);
    }

    /// <summary>A new, empty store: a SQLite file here; a PostgreSQL database in the subclass.</summary>
    private protected virtual string NewDatabase(TempDir temp) => temp.File("race.db");
}

public class StoreLocationTests
{
    [SkippableTheory]
    [InlineData("data/gateway.db", StoreProvider.Sqlite, "data/gateway.db")]
    [InlineData("/var/lib/integra/Host=.db", StoreProvider.Sqlite, "/var/lib/integra/Host=.db")]
    [InlineData("Host=db;Database=gateway;Username=gw", StoreProvider.Postgres, "Host=db;Database=gateway;Username=gw")]
    [InlineData("postgresql://gw@db:5433/gateway", StoreProvider.Postgres, "Host=db;Port=5433;Database=gateway;Username=gw")]
    [InlineData("postgres://db/gateway", StoreProvider.Postgres, "Host=db;Port=5432;Database=gateway")]
    public void A_database_setting_names_a_sqlite_file_or_a_postgresql_database(string setting, StoreProvider provider, string value)
    {
        var location = StoreLocation.Parse(setting);
        Assert.Equal((provider, value), (location.Provider, location.Value));
    }
}
