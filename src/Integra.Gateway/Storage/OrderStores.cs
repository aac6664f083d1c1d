using Integra.Gateway.Configuration;
using Integra.Gateway.Storage.Resilience;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.Storage;

/// <summary>
/// Opens order stores on the configured database, for the daemon's workers, the portal and the commands alike: one
/// store per thread of work (a store is one connection, taken from ADO.NET's pool and given back when disposed; the
/// schema was migrated at start).
/// </summary>
public sealed class OrderStores(IOptions<GatewaySettings> settings, IClock clock, StoreAvailability availability)
{
    public OrderStore Open() => OrderStore.Open(settings.Value.Database, clock);

    /// <summary>
    /// Runs <paramref name="work"/> on a store of its own, and after a transient failure again on a fresh one
    /// (<see cref="StoreAvailability.Run{T}"/>): for a page or a decision, which waits a few seconds at most.
    /// </summary>
    public T Run<T>(string what, Func<OrderStore, T> work, int attempts = 4) =>
        availability.Run(what, () =>
        {
            using var store = Open();
            return work(store);
        }, attempts);
}
