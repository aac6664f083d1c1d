using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Migrations;
using NodaTime;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Bench;

/// <summary>Opens a store migrated first, as the daemon's host does at start (opening a store never migrates).</summary>
internal static class BenchStores
{
    public static IUnitOfWork Open(string database, IClock clock)
    {
        SchemaMigrator.Migrate(database);
        return UnitOfWork.Open(database, clock);
    }
}
