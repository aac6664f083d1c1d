using Integra.Gateway.Drops;
using Integra.Gateway.Processing;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Integra.Gateway.Bench;

/// <summary>
/// The daemon path (issue 18 (d)): a request file dropped into a partner's local drop, picked up, decided, stored,
/// answered and archived through the intake pipeline the running daemon uses (<see cref="Hosting.LocalDropWorker"/>:
/// the local drop transport feeding <see cref="Intake.Pipeline.IntakePipeline"/>), with the
/// reference data already in memory and the store already open, as in the daemon between two polls. This class is
/// the only place the bench knows how the daemon takes a file in: point <see cref="Prepare"/> at another intake
/// service and every mode and ratio stays the same.
/// </summary>
internal sealed class DaemonPath(ReferenceData data)
{
    private readonly IClock _clock = new BenchClock();

    /// <summary>
    /// Sets up one run: the store open on <paramref name="database"/>, the file waiting in a new drop under
    /// <paramref name="root"/>. Untimed: the daemon has all of this before a file arrives.
    /// </summary>
    public Run Prepare(string root, string file, string database)
    {
        var folder = new LocalDropFolder(Path.Combine(root, $"drop-{Guid.NewGuid():N}", "ACME"));
        folder.EnsureFolders();
        File.Copy(file, Path.Combine(folder.Location, "in", Path.GetFileName(file)));
        var store = BenchStores.Open(database, _clock);
        var processor = new RequestFileProcessor(data, new PolicyOptions(), new Intake.IntakeLimits(), store);
        var pipeline = new Intake.Pipeline.IntakePipeline(store, () => processor, NullLogger.Instance);
        var poller = new DropPoller(data.Partner("ACME")!, Channel.Local, folder, pipeline, _clock, Duration.Zero, NullLogger.Instance);
        return new Run(store, pipeline, poller, folder);
    }

    /// <summary>One prepared file: <see cref="ExecuteAsync"/> is the timed part.</summary>
    internal sealed class Run(IUnitOfWork store, Intake.Pipeline.IntakePipeline pipeline, DropPoller poller, LocalDropFolder folder) : IDisposable
    {
        /// <summary>Two rounds, as the daemon's: the first lists the file, the second (quiet period zero) takes it.</summary>
        public async Task ExecuteAsync()
        {
            var done = await poller.PollAsync(default) + await poller.PollAsync(default);
            if (done != 1)
            {
                throw new InvalidOperationException($"the daemon path finished {done} files, not 1");
            }
        }

        /// <summary>The response file's rows of type <paramref name="respTyp"/>, to check the run decided what (c) decides.</summary>
        public int ResponseRows(string respTyp) =>
            Directory.EnumerateFiles(Path.Combine(folder.Location, "out")).Sum(f => File.ReadLines(f).Count(l => l.StartsWith(respTyp + ",", StringComparison.Ordinal)));

        public void Dispose()
        {
            pipeline.Dispose();
            store.Dispose();
            Directory.Delete(Path.GetDirectoryName(folder.Location)!, recursive: true);
        }
    }
}
