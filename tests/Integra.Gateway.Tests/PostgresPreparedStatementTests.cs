using System.Text;
using Dapper;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Sessions;
using Integra.Gateway.Tests.Servers;
using NodaTime;
using NodaTime.Testing;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 25 item 6 on PostgreSQL: the store's hot statements are prepared on its session (explicitly, never by
/// Npgsql's automatic preparation), each text once, and a file decided through them answers as on SQLite.
/// </summary>
[Collection(Postgres.Name)]
public sealed class PostgresPreparedStatementTests(PostgresFixture pg)
{
    [SkippableFact]
    public async Task A_file_decided_through_prepared_statements_answers_as_on_SQLite_and_prepares_each_text_once()
    {
        var database = pg.NewDatabase();
        using var temp = new TempDir();
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 17, 0));
        var data = ReferenceDataLoader.Load(Repo.SampleData);
        var sample = File.ReadAllBytes(Path.Combine(Repo.SampleDrop("ACME"), "acme-20260302.lsr.csv"));

        async Task<FileOutcome> Decide(IUnitOfWork store, string name)
        {
            using var content = new MemoryStream(sample);
            return await new RequestFileProcessor(data, new PolicyOptions(), new Intake.IntakeLimits(), store)
                .ProcessAsync(new Receipt(data.Partner("ACME")!, Channel.Local, clock.GetCurrentInstant()), name, content, content.Length, new FetchedLoas([]), CancellationToken.None);
        }

        using var sqlite = TestStores.Open(temp.File("gateway.db"), clock);
        using var postgres = TestStores.Open(database, clock);
        var expected = await Decide(sqlite, "one.lsr.csv");
        var decided = await Decide(postgres, "one.lsr.csv");
        var prepared = postgres.Connection.Query<string>("SELECT statement FROM pg_prepared_statements").ToList();

        Assert.Equal(expected.Rows.Select(r => string.Join(',', r.Cells())), decided.Rows.Select(r => string.Join(',', r.Cells())));
        Assert.Contains(decided.Rows, r => r.RespTyp == ResponseType.Foc);
        Assert.Contains(prepared, s => s.Contains("INSERT INTO order_origins", StringComparison.Ordinal));
        Assert.Equal(prepared.Count, prepared.Distinct(StringComparer.Ordinal).Count());

        // A file's new orders, versions, first TNs and events go by COPY, not by statements (issue 25 item 6), and
        // leave the same rows as SQLite's statements.
        Assert.DoesNotContain(prepared, s => s.Contains("INSERT INTO orders", StringComparison.Ordinal) || s.Contains("INSERT INTO versions", StringComparison.Ordinal)
            || s.Contains("INSERT INTO order_tns", StringComparison.Ordinal) || s.Contains("INSERT INTO order_events", StringComparison.Ordinal));
        foreach (var rows in StoredRows)
        {
            Assert.Equal(sqlite.Connection.Query<string>(rows).ToList(), postgres.Connection.Query<string>(rows).ToList());
        }

        // The same file again, under another name: every request is answered from the store (S7), alike on both.
        Assert.Equal(
            (await Decide(sqlite, "two.lsr.csv")).Rows.Select(r => string.Join(',', r.Cells())),
            (await Decide(postgres, "two.lsr.csv")).Rows.Select(r => string.Join(',', r.Cells())));
        var again = postgres.Connection.Query<string>("SELECT statement FROM pg_prepared_statements").ToList();
        Assert.Equal(again.Count, again.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>The stored rows of a decided file as text, without ids (each database numbers its own).</summary>
    private static readonly string[] StoredRows =
    [
        """
        SELECT partner || '|' || kind || '|' || ccna || '|' || pon || '|' || COALESCE(lsrno, '') || '|' || state || '|' || an || '|' || service_state
            || '|' || zone || '|' || nnsp || '|' || COALESCE(foc_date, '') || '|' || COALESCE(foc_ver, '') || '|' || COALESCE(pending_ver, '')
            || '|' || due_date_sups || '|' || COALESCE(simple, -1) || '|' || created_at || '|' || updated_at
        FROM orders ORDER BY ccna, pon
        """,
        """
        SELECT o.pon || '|' || v.ver || '|' || v.content_hash || '|' || v.outcome || '|' || v.rule_id || '|' || v.codes || '|' || v.response || '|' || v.evidence
        FROM versions v JOIN orders o ON o.id = v.order_id ORDER BY o.ccna, o.pon, v.ver
        """,
        "SELECT o.pon || '|' || t.tn || '|' || t.lna || '|' || t.status || '|' || t.seq FROM order_tns t JOIN orders o ON o.id = t.order_id ORDER BY o.ccna, o.pon, t.seq",
        "SELECT o.pon || '|' || e.at || '|' || e.state || '|' || e.cause || '|' || e.detail FROM order_events e JOIN orders o ON o.id = e.order_id ORDER BY o.ccna, o.pon, e.id",
    ];
}
