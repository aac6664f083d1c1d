using System.Diagnostics;
using Integra.Gateway.Drops;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Integra.Gateway.Bench;

/// <summary>
/// A backlog in one local drop (issue 18): small LSR files, and every twentieth a CSR file repeating one of five PONs
/// row after row, so that later ones are resends of earlier ones. Run it with two sizes: the time a file must stay
/// the same, or a step grows with the backlog.
/// </summary>
internal static class BacklogBench
{
    private const string LsrHeader = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,MI";

    public static async Task RunAsync(string samples, int files, int csrRows)
    {
        await MeasureAsync(samples, 40, csrRows); // warm-up: JIT, file cache
        var (wall, cpu) = await MeasureAsync(samples, files, csrRows);
        Console.WriteLine($"backlog files        {files} (every 20th a {csrRows}-row CSR file repeating one PON)");
        Console.WriteLine($"picked up, answered  {wall.TotalMilliseconds,8:F0} ms  {wall.TotalMilliseconds / files,6:F2} ms a file  (CPU {cpu.TotalMilliseconds:F0} ms)");
    }

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> MeasureAsync(string samples, int files, int csrRows)
    {
        var root = Path.Combine(Path.GetTempPath(), $"integra-backlog-bench-{Guid.NewGuid():N}");
        try
        {
            var folder = new LocalDropFolder(Path.Combine(root, "ACME"));
            folder.EnsureFolders();
            var inbound = Path.Combine(folder.Location, "in");
            for (var i = 0; i < files; i++)
            {
                if (i % 20 == 0)
                {
                    BulkData.WriteRepeatedCsr(Path.Combine(inbound, $"b{i:D5}.csr.csv"), csrRows, $"LOOP-{i / 20 % 5}", "A1002", "MN");
                }
                else
                {
                    File.WriteAllText(
                        Path.Combine(inbound, $"b{i:D5}.lsr.csv"),
                        $"{LsrHeader}\nACM,SB-{i},00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1002,55401,6125550101,A\nACM,SB-{i},00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1002,55401,6125550102,A\n");
                }
            }

            var data = ReferenceDataLoader.Load(samples);
            var clock = SystemClock.Instance;
            using var store = OrderStore.Open(Path.Combine(root, "bench.db"), clock);
            var poller = new DropPoller(
                data.Partner("ACME")!, "local", folder, new RequestFileProcessor(data, new PolicyOptions(), new Intake.IntakeLimits(), store),
                new IntakeLedger(store, clock), clock, Duration.Zero, NullLogger.Instance);
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();

            // Two listings: a file is taken when a second one shows it unchanged (the quiet period is zero here).
            var done = await poller.PollAsync(default) + await poller.PollAsync(default);
            watch.Stop();
            process.Refresh();
            cpu = process.TotalProcessorTime - cpu;
            if (done != files)
            {
                throw new InvalidOperationException($"finished {done} of {files} files");
            }

            return (watch.Elapsed, cpu);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
