using System.Diagnostics;
using Integra.Gateway.Cli;

namespace Integra.Gateway.Bench;

/// <summary>
/// A partner's script gone wrong (issue 18): one CSR file whose rows all carry one PON, three in four of them
/// identical (S7 resends of the first answer) and every fourth different (S8, R70), processed and then sent again.
/// Each row after the first is decided against the PON's history, so a cost per row that grows with that history
/// shows here as rows/s falling with the file's size.
/// </summary>
internal static class RepeatBench
{
    public static async Task RunAsync(string samples, int rows)
    {
        var root = Path.Combine(Path.GetTempPath(), $"integra-repeat-bench-{Guid.NewGuid():N}");
        try
        {
            var data = Path.Combine(root, "reference");
            BulkData.WriteReference(data, samples, accounts: 10);
            var file = Path.Combine(root, "loop.csr.csv");
            BulkData.WriteRepeatedCsr(file, rows);

            // Warm up (JIT, file cache) on a throwaway database with a small file of the same shape.
            var warm = Path.Combine(root, "warm.csr.csv");
            BulkData.WriteRepeatedCsr(warm, 200);
            await Process(data, Path.Combine(root, "warm.db"), Path.Combine(root, "warm-out"), warm);

            var db = Path.Combine(root, "repeat.db");
            var first = await Time(() => Process(data, db, Path.Combine(root, "out"), file));
            var again = await Time(() => Process(data, db, Path.Combine(root, "out"), file));
            Console.WriteLine($"CSR rows, one PON    {rows}");
            Console.WriteLine($"first time           {first.TotalMilliseconds,8:F0} ms  {rows / first.TotalSeconds,10:F0} rows/s");
            Console.WriteLine($"sent again           {again.TotalMilliseconds,8:F0} ms  {rows / again.TotalSeconds,10:F0} rows/s");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<TimeSpan> Time(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }

    private static async Task Process(string data, string db, string outDir, string file)
    {
        var code = await GatewayCli.InvokeAsync(["process", "--data", data, "--db", db, "--out", outDir, "--partner", "ACME", "--received", "2026-03-02T10:00:00-08:00", file]);
        if (code != 0)
        {
            throw new InvalidOperationException($"process exited {code}");
        }
    }
}
