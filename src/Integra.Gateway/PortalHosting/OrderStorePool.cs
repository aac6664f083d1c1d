using System.Collections.Concurrent;
using Integra.Gateway.Storage;

namespace Integra.Gateway.PortalHosting;

/// <summary>
/// Order stores kept open for the portal's page reads. Opening a store checks its schema inside a write-locked
/// transaction; doing that for every page view would make each reader wait for the intake's writes. A store is one
/// connection, so each read takes a store of its own and gives it back; one that failed is closed, not reused.
/// </summary>
public sealed class OrderStorePool(OrderStores stores) : IDisposable
{
    /// <summary>Stores kept idle at most; more concurrent reads open extra stores and close them after.</summary>
    private const int MaxIdle = 16;

    private readonly ConcurrentBag<OrderStore> _idle = [];

    /// <summary>Runs <paramref name="read"/> on a store of its own.</summary>
    public T Read<T>(Func<OrderStore, T> read)
    {
        var store = _idle.TryTake(out var idle) ? idle : stores.Open();
        T result;
        try
        {
            result = read(store);
        }
        catch
        {
            store.Dispose();
            throw;
        }

        if (_idle.Count < MaxIdle)
        {
            _idle.Add(store);
        }
        else
        {
            store.Dispose();
        }

        return result;
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var store))
        {
            store.Dispose();
        }
    }
}
