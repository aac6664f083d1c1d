using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using Integra.Gateway.Bench;
using Integra.Gateway.Cli;

// End-to-end `process` of a 50,000-row LSR file against a bare CsvHelper parse of the same file, in one run.
// Usage: dotnet run -c Release --project bench/Integra.Gateway.Bench [-- ROWS]
// Or: dotnet run -c Release --project bench/Integra.Gateway.Bench -- sftp SERVERS_ENV [FILES]  (see bench/sftp-bench.sh)
// Or: dotnet run -c Release --project bench/Integra.Gateway.Bench -- repeat [ROWS [TNS]]  (one CSR file repeating one PON, then sent again)
// Or: dotnet run -c Release --project bench/Integra.Gateway.Bench -- backlog [FILES [CSR_ROWS]]  (a local drop's backlog, mixed files)
// Or: dotnet run -c Release --project bench/Integra.Gateway.Bench -- sweep [ORDERS [POSTGRES_CONNECTION]]  (see bench/sweep-bench.sh)
if (args.Length > 0 && args[0] == "sweep")
{
    SweepBench.Run(FindSamples(), args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000, args.Length > 2 ? args[2] : null);
    return;
}

if (args.Length > 0 && args[0] == "repeat")
{
    await RepeatBench.RunAsync(
        FindSamples(),
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000,
        Math.Max(BulkData.TnsPerAccount, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : BulkData.TnsPerAccount));
    return;
}

if (args.Length > 0 && args[0] == "backlog")
{
    await BacklogBench.RunAsync(
        FindSamples(),
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2_000);
    return;
}

if (args.Length > 0 && args[0] == "sftp")
{
    await SftpBench.RunAsync(args[1], FindSamples(), args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000);
    return;
}

var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
var accounts = rows / BulkData.TnsPerAccount;
var root = Path.Combine(Path.GetTempPath(), $"integra-bench-{Guid.NewGuid():N}");
var samples = FindSamples();
try
{
    var data = Path.Combine(root, "reference");
    BulkData.WriteReference(data, samples, accounts);
    var file = Path.Combine(root, "bulk.lsr.csv");
    BulkData.WriteLsr(file, accounts);

    // Warm up both paths (JIT, file cache) on a throwaway database.
    BareParse(file);
    await Process(data, Path.Combine(root, "warm.db"), Path.Combine(root, "warm-out"), file);

    var bare = Median(5, () => BareParse(file));
    var e2e = Median(3, () => Process(data, Path.Combine(root, $"run-{Guid.NewGuid():N}.db"), Path.Combine(root, "out"), file).GetAwaiter().GetResult());
    var load = Median(3, () => Integra.Gateway.Reference.ReferenceDataLoader.Load(data));
    var read = Median(3, () =>
    {
        using var stream = File.OpenRead(file);
        new Integra.Gateway.Intake.RequestFileReader(new Integra.Gateway.Intake.IntakeLimits()).Read("bulk.lsr.csv", stream, stream.Length);
    });
    Console.WriteLine($"rows                 {rows}");
    Console.WriteLine($"  of which: reference data load {load.TotalMilliseconds:F0} ms, read+group {read.TotalMilliseconds:F0} ms");
    Console.WriteLine($"bare CsvHelper parse {bare.TotalMilliseconds,8:F0} ms  {rows / bare.TotalSeconds,10:F0} rows/s");
    Console.WriteLine($"process end to end   {e2e.TotalMilliseconds,8:F0} ms  {rows / e2e.TotalSeconds,10:F0} rows/s");
    Console.WriteLine($"ratio process/parse  {e2e / bare,8:F2}x  (target <= 3x, >= 20000 rows/s)");
}
finally
{
    Directory.Delete(root, recursive: true);
}

static TimeSpan Median(int runs, Action action)
{
    var times = new List<TimeSpan>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed);
    }

    return times.Order().ElementAt(runs / 2);
}

// The baseline: CsvHelper's parser reading every field of every row, nothing else.
static void BareParse(string file)
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

static async Task Process(string data, string db, string outDir, string file)
{
    var code = await GatewayCli.InvokeAsync(["process", "--data", data, "--db", db, "--out", outDir, "--partner", "ACME", "--received", "2026-03-02T10:00:00-08:00", file]);
    if (code != 0)
    {
        throw new InvalidOperationException($"process exited {code}");
    }
}

static string FindSamples()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "samples", "reference");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new DirectoryNotFoundException("samples/reference not found above the benchmark");
}
