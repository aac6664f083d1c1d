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
    /// <param name="samples">The shipped reference data, for the files the bench does not generate.</param>
    /// <param name="rows">Rows of the CSR file.</param>
    /// <param name="tns">Working TNs of the account asked for: the rows of each answer sent again.</param>
    public static async Task RunAsync(string samples, int rows, int tns)
    {
        var root = Path.Combine(Path.GetTempPath(), $"integra-repeat-bench-{Guid.NewGuid():N}");
        try
        {
            var data = Path.Combine(root, "reference");
            BulkData.WriteReference(data, samples, accounts: 10);
            BulkData.AddWorkingTns(data, "B0", tns - BulkData.TnsPerAccount);
            var file = Path.Combine(root, "loop.csr.csv");
            BulkData.WriteRepeatedCsr(file, rows);

            // Warm up (JIT, file cache) on a throwaway database with a small file of the same shape.
            var warm = Path.Combine(root, "warm.csr.csv");
            BulkData.WriteRepeatedCsr(warm, 200);
            await Process(data, Path.Combine(root, "warm.db"), Path.Combine(root, "warm-out"), warm);

            var db = Path.Combine(root, "repeat.db");
            var first = await Time(() => Process(data, db, Path.Combine(root, "out"), file));
            var again = await Time(() => Process(data, db, Path.Combine(root, "out"), file));
            Console.WriteLine($"CSR rows, one PON    {rows} (account of {tns} working TNs)");
            Console.WriteLine($"first time           {first.Wall.TotalMilliseconds,8:F0} ms  {rows / first.Wall.TotalSeconds,10:F0} rows/s  (CPU {first.Cpu.TotalMilliseconds:F0} ms)");
            Console.WriteLine($"sent again           {again.Wall.TotalMilliseconds,8:F0} ms  {rows / again.Wall.TotalSeconds,10:F0} rows/s  (CPU {again.Cpu.TotalMilliseconds:F0} ms)");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Wall time, and the process's CPU time, which a machine shared with other builds disturbs less.</summary>
    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> Time(Func<Task> action)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await action();
        watch.Stop();
        process.Refresh();
        return (watch.Elapsed, process.TotalProcessorTime - cpu);
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
