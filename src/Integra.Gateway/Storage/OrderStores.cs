using Integra.Gateway.Configuration;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.Storage;

/// <summary>
/// Opens order stores on the configured database, for the daemon's workers and the commands alike: one store per
/// thread of work (a store is one connection).
/// </summary>
public sealed class OrderStores(IOptions<GatewaySettings> settings, IClock clock)
{
    public OrderStore Open() => OrderStore.Open(settings.Value.Database, clock);
}
