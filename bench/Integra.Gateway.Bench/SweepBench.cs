using System.Diagnostics;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using NodaTime;

namespace Integra.Gateway.Bench;

/// <summary>The expiry sweep over a store of generated FOC'd orders, about 1 % of them due.</summary>
internal static class SweepBench
{
    public static async Task RunAsync(string samples, int orders, string? postgresServer)
    {
        var data = ReferenceDataLoader.Load(samples);
        var work = Path.Combine(Path.GetTempPath(), $"integra-sweep-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var db = Path.Combine(work, "sweep.db");
            BenchStores.Open(db, SystemClock.Instance).Dispose(); // schema
            await Measure("SQLite", data, db, orders, () => Generate(db, orders));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        if (postgresServer is not null)
        {
            var name = $"sweep_bench_{Guid.NewGuid():N}";
            Admin(postgresServer, $"CREATE DATABASE {name}");
            try
            {
                var db = new NpgsqlConnectionStringBuilder(postgresServer) { Database = name }.ConnectionString;
                BenchStores.Open(db, SystemClock.Instance).Dispose();
                await Measure("PostgreSQL", data, db, orders, () => GeneratePostgres(db, orders));
                NpgsqlConnection.ClearAllPools();
            }
            finally
            {
                Admin(postgresServer, $"DROP DATABASE IF EXISTS {name}");
            }
        }
    }

    private static async Task Measure(string provider, Rules.Reference.ReferenceData data, string db, int orders, Action generate)
    {
        var now = Instant.FromUtc(2026, 3, 20, 13, 0);
        var generating = Stopwatch.StartNew();
        generate();
        generating.Stop();

        using var store = BenchStores.Open(db, SystemClock.Instance);
        var sweep = Stopwatch.StartNew();
        var result = (await new ExpirySweep(data, new PolicyOptions(), store).RunAsync(now, CancellationToken.None));
        sweep.Stop();
        Console.WriteLine($"[{provider}] orders     {orders} (generated in {generating.Elapsed.TotalSeconds:F1} s)");
        Console.WriteLine($"[{provider}] expired    {result.Expired} orders, {result.Cancels} cancels");
        Console.WriteLine($"[{provider}] sweep      {sweep.Elapsed.TotalMilliseconds,8:F0} ms  (target <= 10 s on SQLite)");
        var status = Stopwatch.StartNew();
        var report = Operations.StatusReport.Read(store, now);
        status.Stop();
        Console.WriteLine($"[{provider}] status     {status.Elapsed.TotalMilliseconds,8:F0} ms  ({report.OrdersByState.Values.Sum()} orders by state)");
    }

    private static void Admin(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>The same orders as <see cref="Generate"/>, generated inside PostgreSQL.</summary>
    private static void GeneratePostgres(string db, int orders)
    {
        using var connection = new NpgsqlConnection(db);
        connection.Open();
        using var command = new NpgsqlCommand(
            """
            INSERT INTO orders (partner, kind, ccna, pon, lsrno, state, an, service_state, zone, nnsp, foc_date, foc_ver, created_at, updated_at)
            SELECT 'ACME', 'LSR', 'ACM', 'B-' || i, 'IG' || lpad(i::text, 8, '0'), 'Foc', 'A1001', 'OR', 'America/Los_Angeles', '6001',
                   to_char(date '2026-03-20' - CASE WHEN i % 100 = 0 THEN 20 + (i % 10) ELSE i % 3 END, 'YYYY-MM-DD'), '00',
                   '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
            FROM generate_series(0, @orders - 1) AS i;
            INSERT INTO order_tns (order_id, tn, lna, status, seq) SELECT id, (5031999999 + id)::text, 'P', 'OPEN', 0 FROM orders;
            ANALYZE;
            """,
            connection);
        command.Parameters.AddWithValue("orders", orders);
        command.CommandTimeout = 600;
        command.ExecuteNonQuery();
    }

    /// <summary>Orders FOC'd over the 100 days before 2026-03-20: the oldest 1 % are long past FOC + 4 business days.</summary>
    private static void Generate(string db, int orders)
    {
        using var connection = new SqliteConnection($"Data Source={db}");
        connection.Open();
        using var tx = connection.BeginTransaction();
        using var order = connection.CreateCommand();
        order.Transaction = tx;
        order.CommandText = """
            INSERT INTO orders (partner, kind, ccna, pon, lsrno, state, an, service_state, zone, nnsp, foc_date, foc_ver, created_at, updated_at)
            VALUES ('ACME', 'LSR', 'ACM', $pon, $lsrno, 'Foc', 'A1001', 'OR', 'America/Los_Angeles', '6001', $foc, '00', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
            RETURNING id
            """;
        var pon = order.Parameters.Add("$pon", SqliteType.Text);
        var lsrno = order.Parameters.Add("$lsrno", SqliteType.Text);
        var foc = order.Parameters.Add("$foc", SqliteType.Text);
        using var tn = connection.CreateCommand();
        tn.Transaction = tx;
        tn.CommandText = "INSERT INTO order_tns (order_id, tn, lna, status) VALUES ($id, $tn, 'P', 'OPEN')";
        var id = tn.Parameters.Add("$id", SqliteType.Integer);
        var number = tn.Parameters.Add("$tn", SqliteType.Text);
        var today = new LocalDate(2026, 3, 20);
        for (var i = 0; i < orders; i++)
        {
            pon.Value = $"B-{i}";
            lsrno.Value = $"IG{i:D8}";
            // 1 % of orders are FOC'd 20-30 days ago (due); the rest within the last 3 days (not yet due).
            var daysAgo = i % 100 == 0 ? 20 + (i % 10) : i % 3;
            foc.Value = today.PlusDays(-daysAgo).ToString("yyyy-MM-dd", null);
            id.Value = (long)order.ExecuteScalar()!;
            number.Value = (5032000000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            tn.ExecuteNonQuery();
        }

        tx.Commit();
    }
}
