using Dapper;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Orders;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 25 item 6 on SQLite: inside a unit of work the store counts order and version ids and LSR numbers itself
/// (IdBlocks.Sqlite.cs), which is only safe while the transaction holds the write lock, and must give the ids
/// AUTOINCREMENT would have given.
/// </summary>
public sealed class SqliteIdCountingTests
{
    [Fact]
    public void A_unit_of_work_holds_the_write_lock_from_its_start_so_no_one_else_inserts_while_it_counts()
    {
        using var temp = new TempDir();
        var database = temp.File("gateway.db");
        using var store = TestStores.Open(database, SystemClock.Instance);
        // Microsoft.Data.Sqlite retries a busy database until the command timeout (0 would wait for ever): one second.
        using var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false, DefaultTimeout = 1 }.ToString());
        other.Open();
        other.Execute("PRAGMA busy_timeout=0;");

        using (store.Begin())
        {
            var busy = Assert.Throws<SqliteException>(() => other.Execute("BEGIN IMMEDIATE; ROLLBACK;"));
            Assert.Equal(5, busy.SqliteErrorCode);
        }

        other.Execute("BEGIN IMMEDIATE; ROLLBACK;");
    }

    [Fact]
    public async Task Ids_and_LSR_numbers_continue_where_AUTOINCREMENT_and_the_sequences_row_stood_never_reusing_a_deleted_order_s()
    {
        using var temp = new TempDir();
        using var store = TestStores.Open(temp.File("gateway.db"), SystemClock.Instance);
        async Task<(long Order, long Version, string LsrNo)> File(string pon)
        {
            using var work = store.Begin();
            var order = (await store.Orders.CreateOrderAsync("ACME", OrderKind.Lsr, "ACME", pon, "AN1", "OR", "America/Los_Angeles", "7001", CancellationToken.None));
            var lsrNo = (await store.Orders.NextLsrNoAsync(CancellationToken.None));
            await store.Orders.UpdateOrderAsync(order with { LsrNo = lsrNo, State = OrderState.Foc }, "test", "FOC", CancellationToken.None);
            var version = (await store.Orders.AddVersionAsync(order.Id, "1", string.Empty, "hash", Channel.Sftp, "f.lsr.csv", SystemClock.Instance.GetCurrentInstant(), ResponseType.Foc, "F1", string.Empty, [], new Dictionary<string, string>(), CancellationToken.None));
            work.Commit();
            return (order.Id, version, lsrNo);
        }

        var first = await File("PON-1");
        var second = await File("PON-2");

        // The newest order and its rows removed (as retention may): its ids are still never handed out again.
        store.Connection.Execute("DELETE FROM order_events; DELETE FROM versions WHERE order_id = @id; DELETE FROM order_tns WHERE order_id = @id; DELETE FROM orders WHERE id = @id", new { id = second.Order });
        var third = await File("PON-3");

        Assert.Equal(first.Order + 1, second.Order);
        Assert.Equal(second.Order + 1, third.Order);
        Assert.Equal(second.Version + 1, third.Version);
        Assert.Equal(["IG00000001", "IG00000002", "IG00000003"], new[] { first.LsrNo, second.LsrNo, third.LsrNo });
        Assert.Equal(3, store.Connection.ExecuteScalar<long>("SELECT value FROM sequences WHERE name = 'lsrno'"));
        var stored = store.Orders.FindOrder(third.Order)!;
        Assert.Equal((OrderState.Foc, "IG00000003"), (stored.State, stored.LsrNo));
    }
}
