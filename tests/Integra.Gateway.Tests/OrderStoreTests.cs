using Integra.Gateway.Responses;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.Tests;

public class OrderStoreTests
{
    [SkippableFact]
    public async Task Workers_opening_a_new_store_at_the_same_time_migrate_it_once()
    {
        using var temp = new TempDir();
        var database = NewDatabase(temp);
        var opens = Enumerable.Range(0, 8).Select(_ => Task.Run(() => TestStores.Open(database, SystemClock.Instance))).ToList();
        var stores = await Task.WhenAll(opens);
        foreach (var store in stores)
        {
            store.Dispose();
        }

        using var check = TestStores.Open(database, SystemClock.Instance);
        Assert.Null(check.Orders.FindOrder(1));
    }

    [SkippableFact]
    public void A_lease_is_held_by_one_store_at_a_time_and_free_again_when_released()
    {
        using var temp = new TempDir();
        var database = NewDatabase(temp);
        using var first = TestStores.Open(database, SystemClock.Instance);
        using var second = TestStores.Open(database, SystemClock.Instance);

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

    [SkippableFact]
    public async Task Order_ids_version_ids_and_LSR_numbers_are_never_handed_out_twice_across_stores_and_rollbacks()
    {
        using var temp = new TempDir();
        var database = NewDatabase(temp);
        using var first = TestStores.Open(database, SystemClock.Instance);
        using var second = TestStores.Open(database, SystemClock.Instance);
        var orders = new List<long>();
        var versions = new List<long>();
        var lsrNumbers = new List<string>();
        var pons = 0;
        async Task File(IUnitOfWork store, int requests, bool commit)
        {
            using var work = store.Begin();
            for (var i = 0; i < requests; i++)
            {
                var order = (await store.Orders.CreateOrderAsync("ACME", OrderKind.Lsr, "ACME", $"PON-{pons++}", "AN1", "OR", "America/Los_Angeles", "7001", CancellationToken.None));
                var version = (await store.Orders.AddVersionAsync(order.Id, "1", string.Empty, "hash", Rules.Model.Channel.Sftp, "f.lsr.csv", SystemClock.Instance.GetCurrentInstant(), ResponseType.Foc, "F1", string.Empty, [], new Dictionary<string, string>(), CancellationToken.None));
                var lsrNo = (await store.Orders.NextLsrNoAsync(CancellationToken.None));
                if (commit)
                {
                    orders.Add(order.Id);
                    versions.Add(version);
                    lsrNumbers.Add(lsrNo);
                }
            }

            if (commit)
            {
                work.Commit();
            }
        }

        // Interleaved stores (two workers, or two instances) and a rolled-back file between them, more than a block each.
        await File(first, IdBlocks.BlockSize + 5, commit: true);
        await File(second, 30, commit: false);
        await File(second, IdBlocks.BlockSize + 5, commit: true);
        await File(first, 10, commit: true);

        Assert.Equal(orders.Count, orders.Distinct().Count());
        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.Equal(lsrNumbers.Count, lsrNumbers.Distinct().Count());
        Assert.All(orders, id => Assert.NotNull(first.Orders.FindOrder(id)));
        Assert.All(orders, id => Assert.Single(first.History.HistoryVersions(id)));

        // On PostgreSQL the numbers come in blocks: one round trip per block, not one per order (3 sequences); the
        // process's stores share them (250 orders, 30 of them rolled back: 3 blocks a sequence).
        var blocks = first.Ids.BlocksFetched + second.Ids.BlocksFetched;
        Assert.Equal(first.Provider == StoreProvider.Postgres ? 3 * 3 : 0, blocks);
    }

    [SkippableFact]
    public async Task A_file_s_PONs_are_looked_up_together_and_only_their_absence_is_remembered_within_the_unit_of_work()
    {
        using var temp = new TempDir();
        using var store = TestStores.Open(NewDatabase(temp), SystemClock.Instance);
        var existing = (await store.Orders.CreateOrderAsync("ACME", OrderKind.Lsr, "ACME", "PON-1", "AN1", "OR", "America/Los_Angeles", "7001", CancellationToken.None));

        using (var work = store.Begin())
        {
            await store.Orders.LookUpOrdersAsync("ACME", OrderKind.Lsr, [("ACME", "PON-1"), ("ACME", "PON-2"), ("ACME", "PON-3"), ("OTHER", "PON-1")], CancellationToken.None);
            Assert.Equal(existing.Id, (await store.Orders.FindOrderAsync("ACME", OrderKind.Lsr, "ACME", "PON-1", CancellationToken.None))?.Id);
            Assert.Null((await store.Orders.FindOrderAsync("ACME", OrderKind.Lsr, "ACME", "PON-2", CancellationToken.None)));
            Assert.Null((await store.Orders.FindOrderAsync("ACME", OrderKind.Lsr, "OTHER", "PON-1", CancellationToken.None)));
            Assert.Equal(2, store.Orders.LookupsSaved);

            // Created in this unit of work: read from the database again, never answered from what was absent.
            var created = (await store.Orders.CreateOrderAsync("ACME", OrderKind.Lsr, "ACME", "PON-2", "AN1", "OR", "America/Los_Angeles", "7001", CancellationToken.None));
            Assert.Equal(created.Id, (await store.Orders.FindOrderAsync("ACME", OrderKind.Lsr, "ACME", "PON-2", CancellationToken.None))?.Id);
            Assert.Equal(2, store.Orders.LookupsSaved);
            work.Commit();
        }

        // The next unit of work knows nothing absent: PON-3 is asked for again.
        Assert.Null((await store.Orders.FindOrderAsync("ACME", OrderKind.Lsr, "ACME", "PON-3", CancellationToken.None)));
        Assert.Equal(2, store.Orders.LookupsSaved);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.Orders.LookUpOrdersAsync("ACME", OrderKind.Lsr, [("ACME", "PON-3")], CancellationToken.None));
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
