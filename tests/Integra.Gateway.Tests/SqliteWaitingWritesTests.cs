using Dapper;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 25 item 6 on SQLite: a unit of work's waiting writes go through SQLite's own prepared statements
/// (Storage/Sessions/SqliteWrites.cs) rather than Microsoft.Data.Sqlite's commands. They must store exactly what a
/// command stores, and fail the way a command fails.
/// </summary>
public sealed class SqliteWaitingWritesTests
{
    private const string Insert = "INSERT INTO probe (id, text, number, flag, real, blob) VALUES (@id, @text, @number, @flag, @real, @blob)";

    [Fact]
    public async Task Waiting_writes_store_each_value_as_a_command_would_an_empty_text_or_blob_stays_empty_not_null()
    {
        using var temp = new TempDir();
        using var store = Probe(temp);
        using (var work = store.Begin())
        {
            await WriteAsync(store, 1, string.Empty, 0L, false, 0.0, []);
            await WriteAsync(store, 2, null, null, null, null, null);
            await WriteAsync(store, 3, "Zoë 🚀 \"quoted\", comma", int.MaxValue, true, 2.5, [0, 1, 255]);
            await WriteAsync(store, 4, new string('x', 100_000), long.MinValue, false, -1e300, new byte[70_000]);
            work.Commit();
        }

        var rows = store.Connection.Query<(long Id, string? Text, string TextType, long? Number, long? Flag, double? Real, byte[]? Blob, string BlobType)>(
            "SELECT id, text, typeof(text), number, flag, real, blob, typeof(blob) FROM probe ORDER BY id").ToList();

        Assert.Equal((string.Empty, "text", 0L, 0L, 0.0, "blob"), (rows[0].Text, rows[0].TextType, rows[0].Number, rows[0].Flag, rows[0].Real, rows[0].BlobType));
        Assert.Empty(rows[0].Blob!);
        Assert.Equal((null, "null", null, null, null, null, "null"), (rows[1].Text, rows[1].TextType, rows[1].Number, rows[1].Flag, rows[1].Real, rows[1].Blob, rows[1].BlobType));
        Assert.Equal(("Zoë 🚀 \"quoted\", comma", (long)int.MaxValue, 1L, 2.5), (rows[2].Text, rows[2].Number, rows[2].Flag, rows[2].Real));
        Assert.Equal(new byte[] { 0, 1, 255 }, rows[2].Blob);
        Assert.Equal((100_000, long.MinValue, -1e300, 70_000), (rows[3].Text!.Length, rows[3].Number!.Value, rows[3].Real!.Value, rows[3].Blob!.Length));
    }

    [Fact]
    public async Task One_statement_reused_for_many_rows_binds_each_row_s_own_values()
    {
        using var temp = new TempDir();
        using var store = Probe(temp);
        using (var work = store.Begin())
        {
            for (var i = 1; i <= 1_200; i++)
            {
                // Every third row leaves text NULL: a value bound for the row before must not stay bound.
                await WriteAsync(store, i, i % 3 == 0 ? null : $"row {i}", i * 10L, i % 2 == 0, i / 4.0, null);
            }

            work.Commit();
        }

        var rows = store.Connection.Query<(long Id, string? Text, long Number, long Flag, double Real)>("SELECT id, text, number, flag, real FROM probe ORDER BY id").ToList();
        Assert.Equal(1_200, rows.Count);
        Assert.All(rows, r => Assert.Equal((r.Id % 3 == 0 ? null : $"row {r.Id}", r.Id * 10, r.Id % 2 == 0 ? 1L : 0L, r.Id / 4.0), (r.Text, r.Number, r.Flag, r.Real)));
    }

    [Fact]
    public async Task A_waiting_write_that_breaks_a_constraint_fails_as_a_command_does_and_the_unit_of_work_goes_on_after_its_rollback()
    {
        using var temp = new TempDir();
        using var store = Probe(temp);
        using (var work = store.Begin())
        {
            await WriteAsync(store, 1, "first", 1L, true, 1.0, null);
            await WriteAsync(store, 1, "again", 2L, true, 2.0, null);
            var refused = Assert.Throws<SqliteException>(() => work.Commit());
            Assert.Equal(19, refused.SqliteErrorCode);
            Assert.Equal(1555, refused.SqliteExtendedErrorCode); // SQLITE_CONSTRAINT_PRIMARYKEY
        }

        using (var work = store.Begin())
        {
            await WriteAsync(store, 7, "after", 7L, false, 7.0, null);
            work.Commit();
        }

        Assert.Equal([7L], store.Connection.Query<long>("SELECT id FROM probe"));
    }

    [Fact]
    public async Task A_value_of_another_type_goes_through_Microsoft_Data_Sqlite_and_is_stored_as_it_stores_it()
    {
        using var temp = new TempDir();
        using var store = Probe(temp);
        using (var work = store.Begin())
        {
            await store.Statements.DeferAsync(Insert, [("@id", 1L), ("@text", 1.25m), ("@number", 5L), ("@flag", null), ("@real", null), ("@blob", null)], CancellationToken.None);
            work.Commit();
        }

        Assert.Equal("1.25", store.Connection.ExecuteScalar<string>("SELECT text FROM probe WHERE id = 1"));
    }

    [Fact]
    public async Task Statements_prepared_on_a_connection_are_finalized_with_it_and_prepared_again_on_the_next()
    {
        using var temp = new TempDir();
        var database = temp.File("gateway.db");
        for (var round = 1; round <= 3; round++)
        {
            // Each store takes a pooled connection and gives it back: its prepared statements must not outlive it.
            using var store = Probe(temp, database, create: round == 1);
            using var work = store.Begin();
            await WriteAsync(store, round, $"round {round}", round, true, round, null);
            work.Commit();
        }

        SqliteConnection.ClearAllPools();
        using var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        check.Open();
        Assert.Equal(["round 1", "round 2", "round 3"], check.Query<string>("SELECT text FROM probe ORDER BY id"));
    }

    private static Storage.Sessions.IUnitOfWork Probe(TempDir temp) => Probe(temp, temp.File("gateway.db"), create: true);

    private static Storage.Sessions.IUnitOfWork Probe(TempDir temp, string database, bool create)
    {
        _ = temp;
        var store = TestStores.Open(database, SystemClock.Instance);
        if (create)
        {
            store.Connection.Execute("CREATE TABLE probe (id INTEGER PRIMARY KEY, text TEXT, number INTEGER, flag INTEGER, real REAL, blob BLOB)");
        }

        return store;
    }

    private static ValueTask WriteAsync(Storage.Sessions.IUnitOfWork store, long id, string? text, long? number, bool? flag, double? real, byte[]? blob) =>
        store.Statements.DeferAsync(Insert, [("@id", id), ("@text", text), ("@number", number), ("@flag", flag), ("@real", real), ("@blob", blob)], CancellationToken.None);
}
