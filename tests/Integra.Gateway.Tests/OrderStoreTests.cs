using Integra.Gateway.Storage;
using NodaTime;

namespace Integra.Gateway.Tests;

public sealed class OrderStoreTests : IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public async Task Workers_opening_a_new_store_at_the_same_time_migrate_it_once()
    {
        var path = _temp.File("race.db");
        var opens = Enumerable.Range(0, 8).Select(_ => Task.Run(() => OrderStore.Open(path, SystemClock.Instance))).ToList();
        var stores = await Task.WhenAll(opens);
        foreach (var store in stores)
        {
            store.Dispose();
        }

        using var check = OrderStore.Open(path, SystemClock.Instance);
        Assert.Null(check.FindOrder(1));
    }

    public void Dispose() => _temp.Dispose();
}
