using Dapper;
using Integra.Gateway.Tests.Servers;
using Npgsql;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 25 item 6 on PostgreSQL: a new order goes to the server once, with its final values, in the INSERT that
/// carries them; no UPDATE follows it (the server's own statistics count the row operations).
/// </summary>
[Collection(Postgres.Name)]
public sealed class PostgresWritePathTests(PostgresFixture pg)
{
    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,MI,REMARKS";

    [SkippableFact]
    public async Task New_orders_are_inserted_once_with_their_final_state_and_never_updated()
    {
        using var cli = new CliHarness(pg.NewDatabase());
        var rows = string.Join('\n', Enumerable.Range(0, 20).Select(i => $"ACM,ONCE-{i},00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1001,97201,{5035000100 + i}"));
        Assert.Equal(0, await cli.Process("ACME", "2026-02-24T10:00:00-08:00", cli.Write("once.lsr.csv", $"{Header}\n{rows}\n")));

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cli.Db) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM orders WHERE state = 'Received'"));
        Assert.Equal(20, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM orders"));

        // A backend's statistics reach the shared view when it has been idle a while or when it exits: end the
        // command's pooled sessions, so they arrive now.
        await connection.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        Assert.True(await Eventually.Until(
            async () =>
            {
                await connection.ExecuteAsync("SELECT pg_stat_clear_snapshot()");
                return await connection.ExecuteScalarAsync<long>("SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'orders'") == 20;
            },
            TimeSpan.FromSeconds(30)));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT n_tup_upd FROM pg_stat_user_tables WHERE relname = 'orders'"));
    }
}
