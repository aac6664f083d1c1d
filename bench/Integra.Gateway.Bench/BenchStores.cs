using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Migrations;
using NodaTime;

namespace Integra.Gateway.Bench;

/// <summary>Opens a store migrated first, as the daemon's host does at start (opening a store never migrates).</summary>
internal static class BenchStores
{
    public static OrderStore Open(string database, IClock clock)
    {
        SchemaMigrator.Migrate(database);
        return OrderStore.Open(database, clock);
    }
}
