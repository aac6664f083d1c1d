using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using CsvHelper;
using Integra.Gateway.Cli;
using Integra.Gateway.Reference;
using Integra.Gateway.Storage.Connections;

namespace Integra.Gateway.Bench;

/// <summary>
/// Issue 18 items 1 and 3: on one generated LSR file, (a) a bare CsvHelper parse, (b) the durable-write floor,
/// (c) <c>process</c> end to end and (d) the daemon path, interleaved round by round in one run so that a machine
/// shared with other work disturbs every mode alike, and the ratios are taken within a round. The peak working set of
/// (b), (c) and (d) is measured in a child process per mode, each running that mode once.
/// </summary>
internal static class ThroughputBench
{
    private static readonly string[] PeakModes = ["b", "c", "d"];

    public static async Task RunAsync(string samples, int rows, int rounds, string? postgresServer)
    {
        var root = Path.Combine(Path.GetTempPath(), $"integra-throughput-bench-{Guid.NewGuid():N}");
        try
        {
            var data = Path.Combine(root, "reference");
            BulkData.WriteReference(data, samples, rows / BulkData.TnsPerAccount);
            var file = Path.Combine(root, "bulk.lsr.csv");
            BulkData.WriteLsr(file, rows / BulkData.TnsPerAccount);
            var databases = postgresServer is null ? BenchDatabase.Sqlite(root) : BenchDatabase.Postgres(postgresServer);
            var modes = new Modes(root, data, file, databases, new DaemonPath(ReferenceDataLoader.Load(data)), rows);

            // Round 0 warms up every path (JIT, file cache) and checks that (c) and (d) decide all rows as FOCs.
            await modes.RunAllAsync(check: true);
            var results = new List<Timings>();
            for (var round = 0; round < rounds; round++)
            {
                results.Add(await modes.RunAllAsync(check: false));
            }

            var peaks = PeakModes.ToDictionary(m => m, m => PeakOfChild(m, rows, data, file, databases.Create("peak" + m), databases));
            Report(databases.Name, rows, results, peaks);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Only (d), <paramref name="runs"/> times on SQLite, each time printed: a process to attach a profiler to
    /// (<c>dotnet-trace collect -- dotnet Integra.Gateway.Bench.dll daemon</c>).
    /// </summary>
    public static async Task DaemonOnlyAsync(string samples, int rows, int runs)
    {
        var root = Path.Combine(Path.GetTempPath(), $"integra-daemon-bench-{Guid.NewGuid():N}");
        try
        {
            var data = Path.Combine(root, "reference");
            BulkData.WriteReference(data, samples, rows / BulkData.TnsPerAccount);
            var file = Path.Combine(root, "bulk.lsr.csv");
            BulkData.WriteLsr(file, rows / BulkData.TnsPerAccount);
            var daemon = new DaemonPath(ReferenceDataLoader.Load(data));
            var databases = BenchDatabase.Sqlite(root);
            for (var i = 0; i < runs; i++)
            {
                var db = databases.Create("daemon");
                using (var run = daemon.Prepare(root, file, db))
                {
                    var watch = Stopwatch.StartNew();
                    await run.ExecuteAsync();
                    Console.WriteLine($"(d) daemon path {watch.ElapsedMilliseconds} ms");
                }

                databases.Drop(db);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A child process's part: runs one mode once, then prints its peak working set.</summary>
    public static async Task PeakAsync(string mode, int rows, string data, string file, string database)
    {
        var root = Path.GetDirectoryName(file)!;
        switch (mode)
        {
            case "b":
                Floor(file, database);
                break;
            case "c":
                await ProcessAsync(data, database, Path.Combine(root, $"out-{Guid.NewGuid():N}"), file);
                break;
            default:
                // The daemon has its reference data in memory: it counts in the peak, as in the daemon.
                using (var run = new DaemonPath(ReferenceDataLoader.Load(data)).Prepare(root, file, database))
                {
                    await run.ExecuteAsync();
                }

                break;
        }

        using var self = System.Diagnostics.Process.GetCurrentProcess();
        Console.WriteLine(self.PeakWorkingSet64.ToString(CultureInfo.InvariantCulture));
        GC.KeepAlive(rows);
    }

    private static long PeakOfChild(string mode, int rows, string data, string file, string database, BenchDatabase databases)
    {
        try
        {
            if (mode == "b")
            {
                Schema(database);
            }

            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
            foreach (var arg in new[] { Assembly.GetEntryAssembly()!.Location, "peak", mode, rows.ToString(CultureInfo.InvariantCulture), data, file, database })
            {
                start.ArgumentList.Add(arg);
            }

            using var child = System.Diagnostics.Process.Start(start)!;
            var output = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            if (child.ExitCode != 0)
            {
                throw new InvalidOperationException($"peak run of ({mode}) exited {child.ExitCode}");
            }

            return long.Parse(output.Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
        }
        finally
        {
            databases.Drop(database);
        }
    }

    private static void Report(string database, int rows, List<Timings> results, Dictionary<string, long> peaks)
    {
        static string Ms(IEnumerable<TimeSpan> times)
        {
            var ms = times.Select(t => t.TotalMilliseconds).Order().ToList();
            return $"{ms[ms.Count / 2],7:F0} ms  [{ms[0]:F0}–{ms[^1]:F0}]";
        }

        static string Ratio(IEnumerable<double> ratios)
        {
            var r = ratios.Order().ToList();
            return $"{r[r.Count / 2]:F2}x [{r[0]:F2}–{r[^1]:F2}]";
        }

        double Rate(IEnumerable<TimeSpan> times) => rows / times.Select(t => t.TotalSeconds).Order().ElementAt(results.Count / 2);
        static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):F0} MB";

        Console.WriteLine($"{database}: {rows} TN rows ({rows / BulkData.TnsPerAccount} LSRs), {results.Count} rounds of (a)(b)(c)(d) interleaved; median [min–max]");
        Console.WriteLine($"(a) bare CsvHelper parse   {Ms(results.Select(r => r.Parse))}  {Rate(results.Select(r => r.Parse)),9:F0} rows/s");
        Console.WriteLine($"(b) durable-write floor    {Ms(results.Select(r => r.Floor))}  {Rate(results.Select(r => r.Floor)),9:F0} rows/s  peak {Mb(peaks["b"])}");
        Console.WriteLine($"(c) process end to end     {Ms(results.Select(r => r.Process))}  {Rate(results.Select(r => r.Process)),9:F0} rows/s  peak {Mb(peaks["c"])}  (c)/(b) {Ratio(results.Select(r => r.Process / r.Floor))}");
        Console.WriteLine($"(d) daemon path            {Ms(results.Select(r => r.Daemon))}  {Rate(results.Select(r => r.Daemon)),9:F0} rows/s  peak {Mb(peaks["d"])}  (d)/(b) {Ratio(results.Select(r => r.Daemon / r.Floor))}");
        Console.WriteLine("targets: (d) <= 2.5x (b), peak <= 200 MB (issue 25); >= 100000 rows/s (issue 18)");
    }

    /// <summary>The floor of this database kind.</summary>
    private static int Floor(string file, string database) =>
        Storage.Connections.StoreLocation.Parse(database).Provider == Storage.Connections.StoreProvider.Postgres ? PostgresFloor.Run(file, database) : SqliteFloor.Run(file, database);

    /// <summary>The gateway's schema in a new database, so that the floor inserts into the same tables and indexes.</summary>
    private static void Schema(string database) => BenchStores.Open(database, new BenchClock()).Dispose();

    // The baseline: CsvHelper's parser reading every field of every row, nothing else.
    private static void BareParse(string file)
    {
        using var reader = new StreamReader(file);
        using var parser = new CsvParser(reader, CultureInfo.InvariantCulture);
        long fields = 0;
        while (parser.Read())
        {
            fields += parser.Record!.Length;
        }

        GC.KeepAlive(fields);
    }

    private static async Task ProcessAsync(string data, string db, string outDir, string file)
    {
        var code = await GatewayCli.InvokeAsync(["process", "--data", data, "--db", db, "--out", outDir, "--partner", "ACME", "--received", BenchClock.ReceivedText, file]);
        if (code != 0)
        {
            throw new InvalidOperationException($"process exited {code}");
        }
    }

    private sealed record Timings(TimeSpan Parse, TimeSpan Floor, TimeSpan Process, TimeSpan Daemon);

    /// <summary>The four modes over one file, each on a new database per run.</summary>
    private sealed class Modes(string root, string data, string file, BenchDatabase databases, DaemonPath daemon, int rows)
    {
        public async Task<Timings> RunAllAsync(bool check)
        {
            var parse = Time(() => BareParse(file));

            var floorDb = databases.Create("floor");
            Schema(floorDb);
            var floor = Time(() => Check(Floor(file, floorDb), "the floor's TN rows"));
            databases.Drop(floorDb);

            var processDb = databases.Create("process");
            var outDir = Path.Combine(root, $"out-{Guid.NewGuid():N}");
            var process = await TimeAsync(() => ProcessAsync(data, processDb, outDir, file));
            if (check)
            {
                Check(Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories).Sum(f => File.ReadLines(f).Count(l => l.StartsWith("FOC,", StringComparison.Ordinal))), "process's FOC rows");
            }

            Directory.Delete(outDir, recursive: true);
            databases.Drop(processDb);

            var daemonDb = databases.Create("daemon");
            TimeSpan daemonTime;
            using (var run = daemon.Prepare(root, file, daemonDb))
            {
                daemonTime = await TimeAsync(run.ExecuteAsync);
                if (check)
                {
                    Check(run.ResponseRows("FOC"), "the daemon path's FOC rows");
                }
            }

            databases.Drop(daemonDb);
            return new Timings(parse, floor, process, daemonTime);
        }

        private void Check(int count, string what)
        {
            if (count != rows)
            {
                throw new InvalidOperationException($"{what}: {count}, expected {rows}");
            }
        }

        private static TimeSpan Time(Action action)
        {
            GC.Collect();
            var watch = Stopwatch.StartNew();
            action();
            return watch.Elapsed;
        }

        private static async Task<TimeSpan> TimeAsync(Func<Task> action)
        {
            GC.Collect();
            var watch = Stopwatch.StartNew();
            await action();
            return watch.Elapsed;
        }
    }
}
