using System.Data.Common;
using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Migrations;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Resilience;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 25 items 3 and 5 together: a page's read through the async path (<see cref="UnitOfWorkFactory.RunAsync{T}"/>)
/// that meets a transient failure is read again on a fresh unit of work and connection, never on the one that broke.
/// </summary>
public sealed class StoreOutageAsyncReadTests : IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public async Task A_pages_read_after_a_transient_failure_is_read_again_on_a_fresh_connection()
    {
        var database = _temp.File("gateway.db");
        SchemaMigrator.Migrate(database);
        var availability = new StoreAvailability(new StoreDatabase(database), NullLogger<StoreAvailability>.Instance);
        var stores = new UnitOfWorkFactory(new StoreDatabase(database), SystemClock.Instance, availability);
        var connections = new List<DbConnection>();

        var orders = await stores.RunAsync("order list page", async (uow, token) =>
        {
            connections.Add(uow.Connection);
            var listed = await uow.OrderViews.ListAsync(new OrderListQuery("ACME", null, null, null, null, null, null, 10), token);
            return connections.Count == 1 ? throw new SqliteException("database is locked", 5) : listed;
        }, CancellationToken.None);

        Assert.Empty(orders);
        Assert.Equal(2, connections.Count);
        Assert.NotSame(connections[0], connections[1]);
        Assert.Null(availability.Outage);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
