using Integra.Gateway.Storage;

namespace Integra.Gateway.PortalHosting;

/// <summary>
/// Order stores kept open for the portal's page reads and the desk's decisions (<see cref="IdlePool{T}"/>). A store is
/// one connection, so each call takes a store of its own and gives it back; one that failed is closed, not reused.
/// </summary>
public sealed class OrderStorePool(OrderStores stores) : IDisposable
{
    private readonly IdlePool<OrderStore> _idle = new(stores.Open);

    /// <summary>Runs <paramref name="work"/> on a store of its own.</summary>
    public T Read<T>(Func<OrderStore, T> work)
    {
        var store = _idle.Take();
        T result;
        try
        {
            result = work(store);
        }
        catch
        {
            store.Dispose();
            throw;
        }

        _idle.Return(store);
        return result;
    }

    public void Dispose() => _idle.Dispose();
}
