using System.Text;
using Dapper;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Tests.Servers;
using NodaTime;
using NodaTime.Testing;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 25 item 6 on PostgreSQL: the store's hot statements are prepared on its session (explicitly, never by
/// Npgsql's automatic preparation), each text once, and a file decided through them answers and files every request.
/// </summary>
[Collection(Postgres.Name)]
public sealed class PostgresPreparedStatementTests(PostgresFixture pg)
{
    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,MI,REMARKS";

    [SkippableFact]
    public void A_decided_file_goes_through_prepared_inserts_each_prepared_once_on_the_session()
    {
        var database = pg.NewDatabase();
        var clock = new FakeClock(Instant.FromUtc(2026, 2, 24, 18, 0));
        var data = ReferenceDataLoader.Load(Repo.SampleData);
        using var store = TestStores.Open(database, clock);
        var processor = new RequestFileProcessor(data, new PolicyOptions(), new Intake.IntakeLimits(), store);

        FileOutcome Decide(string name, int first)
        {
            var rows = string.Join('\n', Enumerable.Range(first, 10).Select(i => $"ACM,PREP-{i},00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1001,97201,{5035000100 + i}"));
            using var content = new MemoryStream(Encoding.UTF8.GetBytes($"{Header}\n{rows}\n"));
            return processor.Process(new Receipt(data.Partner("ACME")!, Channel.Local, clock.GetCurrentInstant()), name, content, content.Length, new FetchedLoas([]));
        }

        var one = Decide("one.lsr.csv", 0);
        var prepared = store.Connection.Query<string>("SELECT statement FROM pg_prepared_statements").ToList();
        var two = Decide("two.lsr.csv", 10);

        Assert.Equal(10, one.Rows.Count(r => r.RespTyp == ResponseType.Foc));
        Assert.Equal(10, two.Rows.Count(r => r.RespTyp == ResponseType.Foc));
        Assert.Equal(20, store.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM orders WHERE state = 'Foc'"));
        Assert.Equal(20, store.Connection.ExecuteScalar<long>("SELECT COUNT(DISTINCT order_id) FROM order_tns"));
        Assert.Equal(20, store.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM versions"));
        Assert.Contains(prepared, s => s.Contains("INSERT INTO orders", StringComparison.Ordinal));
        Assert.Contains(prepared, s => s.Contains("INSERT INTO versions", StringComparison.Ordinal));
        Assert.Contains(prepared, s => s.Contains("INSERT INTO order_tns", StringComparison.Ordinal));
        Assert.Equal(prepared.Count, prepared.Distinct(StringComparer.Ordinal).Count());

        // The second file used the same statements: nothing new was prepared for it.
        var after = store.Connection.Query<string>("SELECT statement FROM pg_prepared_statements").ToList();
        Assert.Empty(after.Where(s => s.Contains("INSERT INTO", StringComparison.Ordinal)).Except(prepared, StringComparer.Ordinal));
    }
}
