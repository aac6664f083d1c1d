using System.Diagnostics;
using Integra.Gateway.Drops;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Integra.Gateway.Storage.Ledgers;

namespace Integra.Gateway.Bench;

/// <summary>
/// A backlog in one local drop (issue 18, <see cref="BacklogFiles"/>), taken in process by one poller. Run it with two
/// sizes: the time a file must stay the same, or a step grows with the backlog. bench/backlog-drain.sh drains the same
/// backlog through the running daemon instead.
/// </summary>
internal static class BacklogBench
{
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
            BacklogFiles.Write(Path.Combine(folder.Location, "in"), files, csrRows);

            var data = ReferenceDataLoader.Load(samples);
            var clock = SystemClock.Instance;
            using var store = BenchStores.Open(Path.Combine(root, "bench.db"), clock);
            var poller = new DropPoller(
                data.Partner("ACME")!, "local", folder, new RequestFileProcessor(data, new PolicyOptions(), new Intake.IntakeLimits(), store),
                store.Intake, clock, Duration.Zero, NullLogger.Instance);
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();

            // A file is taken when a second listing shows it unchanged (the quiet period is zero here); then rounds
            // back to back while a backlog remains, as the worker runs them.
            var done = await poller.PollAsync(default);
            DropRound round;
            do
            {
                round = await poller.PollRoundAsync(default);
                done += round.Answered;
            }
            while (round.BacklogRemains);

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
