using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.PortalAccounts;
using Integra.Gateway.Storage.Resilience;
using Integra.Gateway.Storage.Migrations;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Integra.Gateway.Tests;

/// <summary>
/// Opens a store as a test needs it: migrated first, as the daemon's and the command line's hosts do at start
/// (opening a store never migrates).
/// </summary>
internal static class TestStores
{
    public static IUnitOfWork Open(string database, IClock clock)
    {
        SchemaMigrator.Migrate(database);
        return UnitOfWork.Open(database, clock);
    }

    /// <summary>The factory of units of work on <paramref name="database"/>, migrated first, as the host's container has it.</summary>
    public static UnitOfWorkFactory Factory(string database, IClock clock)
    {
        SchemaMigrator.Migrate(database);
        var store = new StoreDatabase(database);
        return new UnitOfWorkFactory(store, clock, new StoreAvailability(store, NullLogger<StoreAvailability>.Instance));
    }

    /// <summary>The portal's accounts on a migrated store, as the container builds them (one unit of work per call).</summary>
    public static PortalStore Portal(string database) => new(Factory(database, SystemClock.Instance));
}
