using System.Security.Cryptography;
using Integra.Gateway.Configuration;
using Integra.Gateway.Csv;
using Integra.Gateway.Delivery;
using Integra.Gateway.Intake;
using Integra.Gateway.Intake.Pipeline;
using Integra.Gateway.Logging;
using Integra.Gateway.Processing;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.Outbox;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Integra.Gateway.Drops;

/// <summary>
/// The drop transport (local folder or SFTP): one round over one partner's drop. It only lists, fetches and delivers;
/// the <see cref="IntakePipeline"/> does the rest. A file is taken when a listing shows the same size and modification
/// time as the listing before and that has held for the quiet period (so a file still being uploaded waits); partial
/// names are ignored. Each upload then goes Seen → Answered → Archived in the ledger, so that after a crash anywhere
/// the next round finishes it with exactly one response. A round takes at most <c>filesPerRound</c> ready files,
/// oldest received first, and says how many ready ones it left (<see cref="DropRound"/>), so a backlog drains over
/// bounded rounds that the worker runs back to back: the work of a round grows with its listing and its limit, never
/// with the square of the backlog.
/// </summary>
public sealed class DropPoller
{
    /// <summary>Files taken through the ledger's steps together; bounds the temp files and the work lost to a crash.</summary>
    private const int BatchSize = 100;

    private const long InMemoryBytes = 1024 * 1024;

    /// <summary>
    /// Every request file of the last listing: its size and time as listed, since when they held, and when it was
    /// first sighted (its received time), so that only new or changed names go to the ledger each round.
    /// </summary>
    private readonly Dictionary<string, Listed> _lastListing = new(StringComparer.Ordinal);
    private readonly Partner _partner;
    private readonly Channel _channel;
    private readonly IDropFolder _folder;
    private readonly IntakePipeline _pipeline;
    private readonly IClock _clock;
    private readonly Duration _quietPeriod;
    private readonly ILogger _logger;
    private readonly int _filesPerRound;
    private readonly OutboundNames _names;

    public DropPoller(Partner partner, Channel channel, IDropFolder folder, IntakePipeline pipeline, IClock clock, Duration quietPeriod, ILogger logger, int filesPerRound = IntakeSettings.DefaultFilesPerRound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(filesPerRound, 1);
        _filesPerRound = filesPerRound;
        _partner = partner;
        _channel = channel;
        _folder = folder;
        _pipeline = pipeline;
        _clock = clock;
        _quietPeriod = quietPeriod;
        _logger = logger;
        _names = new OutboundNames(pipeline.Store, partner.Id, channel);
    }

    /// <summary>A drop wired by hand over one store (tests, tools): its own pipeline on the ledger's store.</summary>
    public DropPoller(
        Partner partner,
        string channel,
        IDropFolder folder,
        RequestFileProcessor processor,
        IntakeLedger ledger,
        IClock clock,
        Duration quietPeriod,
        ILogger logger,
        OutboxStore? outbox = null,
        Operations.GatewayMetrics? metrics = null,
        int filesPerRound = IntakeSettings.DefaultFilesPerRound)
        : this(partner, StoredText.Channel(channel), folder, new IntakePipeline(ledger.UnitOfWork, () => processor, logger, metrics), clock, quietPeriod, logger, filesPerRound)
    {
        _ = outbox; // the pipeline keeps its own outbox on the same store
    }

    /// <summary>One round (see <see cref="PollRoundAsync"/>); returns the number of files finished.</summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken) => (await PollRoundAsync(cancellationToken)).Answered;

    /// <summary>Lists the drop and handles the oldest ready files, at most the round's limit.</summary>
    public async Task<DropRound> PollRoundAsync(CancellationToken cancellationToken)
    {
        await using var lease = await _pipeline.TryLeaseAsync(_partner.Id, _channel, cancellationToken);
        if (lease is null)
        {
            _logger.LogDebug("Another gateway instance is polling {Partner} {Channel}; skipping this round", _partner.Id, _channel);
            return default;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var round = await PollOnceAsync(cancellationToken);
            await _pipeline.PolledAsync(_partner.Id, _channel, started.Elapsed, error: null, cancellationToken);
            return round;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await _pipeline.PolledAsync(_partner.Id, _channel, started.Elapsed, e, cancellationToken);
            throw;
        }
    }

    private async Task<DropRound> PollOnceAsync(CancellationToken cancellationToken)
    {
        // The outbound folder first: what a crash left half-written goes, and what is there no response replaces.
        var outbound = await _folder.ListOutboundAsync(cancellationToken);
        await OrphanedTemporaryFiles.RemoveAsync(_folder, _partner.Id, outbound, _clock.GetCurrentInstant(), _logger, cancellationToken);
        _names.Listed(outbound);

        // Later answers to orders that came through this drop (reviews, sweeps) go out first.
        await _pipeline.DeliverAsync(new DropDelivery(_folder, _channel, _names), _partner.Id, cancellationToken);
        var entries = await _folder.ListAsync(cancellationToken);
        var now = _clock.GetCurrentInstant();
        var candidates = new List<DropEntry>();
        var documents = new Dictionary<string, DropEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (IsPartialName(entry.Name))
            {
                continue;
            }

            if (!SafeFileName.IsPlain(entry.Name))
            {
                _logger.UnsafeFileNameIgnored(_partner.Id, _folder.Location, entry.Name);
                continue;
            }

            if (IsDocument(entry.Name))
            {
                documents[entry.Name] = entry;
                continue;
            }

            candidates.Add(entry);
        }

        var ready = await TrackAsync(candidates, now, cancellationToken);
        var taken = ready.OrderBy(e => _lastListing[e.Name].FirstSeen).ThenBy(e => e.Name, StringComparer.Ordinal).Take(_filesPerRound).ToList();
        var finished = 0;
        foreach (var batch in taken.Chunk(BatchSize))
        {
            finished += await HandleBatchAsync(batch, documents, cancellationToken);
            foreach (var entry in batch)
            {
                _lastListing.Remove(entry.Name);
            }

            if (finished < taken.Count)
            {
                await _pipeline.ProgressedAsync(_partner.Id, _channel, cancellationToken);
            }
        }

        return new DropRound(finished, ready.Count - taken.Count);
    }

    /// <summary>
    /// Brings the remembered listing up to date with this one and returns the files that are ready: unchanged since
    /// the listing before, for the quiet period. Names new to the listing, or whose size or time changed (perhaps a
    /// new upload after another instance archived the old one), are sighted in the ledger together in one statement.
    /// </summary>
    private async Task<List<DropEntry>> TrackAsync(List<DropEntry> candidates, Instant now, CancellationToken cancellationToken)
    {
        var unsighted = candidates.Where(e => !(_lastListing.TryGetValue(e.Name, out var last) && last.Same(e))).Select(e => e.Name).ToList();
        var firstSeen = await _pipeline.SightedAsync(_partner.Id, _channel, unsighted, cancellationToken);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var ready = new List<DropEntry>();
        foreach (var entry in candidates)
        {
            listed.Add(entry.Name);
            if (_lastListing.TryGetValue(entry.Name, out var last) && last.Same(entry))
            {
                if (now - last.Since >= _quietPeriod)
                {
                    ready.Add(entry);
                }
            }
            else
            {
                _lastListing[entry.Name] = new Listed(entry.Size, entry.Modified, now, firstSeen[entry.Name]);
            }
        }

        foreach (var gone in _lastListing.Keys.Where(k => !listed.Contains(k)).ToList())
        {
            _lastListing.Remove(gone);
        }

        return ready;
    }

    /// <summary>
    /// LOA documents (PDF, TIFF, PNG, JPEG) are not request files: they wait beside the CSR file that names them
    /// and are archived with it.
    /// </summary>
    public static bool IsDocument(string name) =>
        Path.GetExtension(name).ToLowerInvariant() is ".pdf" or ".tif" or ".tiff" or ".png" or ".jpg" or ".jpeg";

    /// <summary>Names an uploader uses while a file is incomplete: <c>*.part</c>, <c>*.tmp</c>, dot-files.</summary>
    public static bool IsPartialName(string name) =>
        name.StartsWith('.')
        || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Takes a batch of ready files through the pipeline's steps together: every file and the LOAs it names are
    /// fetched first, then all are decided in one transaction, then all responses are written and recorded, then all
    /// originals archived and recorded. The transfers of a step run over the drop's parallel connections; each step
    /// completes for every file of the batch before the next begins, so a crash anywhere leaves every file in a
    /// ledger state that the next round finishes (process again and answer from the store, or archive).
    /// </summary>
    private async Task<int> HandleBatchAsync(DropEntry[] batch, IReadOnlyDictionary<string, DropEntry> documents, CancellationToken cancellationToken)
    {
        var files = new ReceivedFile[batch.Length];
        try
        {
            await Each(batch.Length, async (i, token) => files[i] = await FetchAsync(batch[i], _lastListing[batch[i].Name].FirstSeen, documents, token), cancellationToken);
            var items = await _names.NameAsync(await _pipeline.DecideAsync(files, cancellationToken), cancellationToken);

            await Each(items.Count, (i, token) => DeliverAsync(items[i], token), cancellationToken);
            await _pipeline.AnsweredAsync(items, cancellationToken);

            await Each(items.Count, (i, token) => ArchiveAsync(items[i], token), cancellationToken);
            await _pipeline.ArchivedAsync(items, cancellationToken);
            return items.Count;
        }
        catch (Exception e)
        {
            foreach (var file in files.Where(f => f is not null))
            {
                file.Trace?.Failed(e);
            }

            throw;
        }
        finally
        {
            foreach (var file in files.Where(f => f is not null))
            {
                await file.Content.DisposeAsync();
                file.Trace?.Dispose();
            }
        }
    }

    /// <summary>Downloads one upload and the LOA documents it names that are in the drop.</summary>
    private async Task<ReceivedFile> FetchAsync(DropEntry entry, Instant received, IReadOnlyDictionary<string, DropEntry> documents, CancellationToken cancellationToken)
    {
        // Small files (nearly all) stay in memory; a large one goes to a temp file so memory stays bounded.
        var trace = Operations.FileTrace.Start(_partner.Id, StoredText.Of(_channel), entry.Name);
        using var fetching = trace.Step("fetch");
        Stream copy = entry.Size <= InMemoryBytes
            ? new MemoryStream(checked((int)Math.Max(entry.Size, 0)))
            : new FileStream(Path.Combine(Path.GetTempPath(), $"integra-{Guid.NewGuid():N}.part"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            await _folder.DownloadAsync(entry.Name, copy, cancellationToken);
            copy.Position = 0;
            var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(copy, cancellationToken));
            copy.Position = 0;
            var loas = new List<LoaDocument>();
            foreach (var name in _pipeline.DocumentNames(entry.Name, copy, documents.Count > 0))
            {
                // A document too large counts as missing (C2), as one not delivered does.
                if (documents.TryGetValue(name, out var document) && document.Size <= LoaDocument.MaxBytes)
                {
                    using var content = new MemoryStream(checked((int)document.Size));
                    await _folder.DownloadAsync(name, content, cancellationToken);
                    loas.Add(new LoaDocument(name, content.ToArray()));
                }
            }

            return new ReceivedFile(_partner, _channel, entry.Name, copy, sha256, received, loas) { Trace = trace };
        }
        catch (Exception e)
        {
            await copy.DisposeAsync();
            trace.Failed(e);
            fetching.Dispose();
            trace.Dispose();
            throw;
        }
    }

    /// <summary>Writes a decided file's response to the drop's outbound folder: the answer reaches the partner.</summary>
    private async Task DeliverAsync(IntakeItem item, CancellationToken cancellationToken)
    {
        if (item.Outcome is { } outcome)
        {
            using (item.File.Trace?.Step("deliver"))
            {
                await _folder.WriteResponseAsync(outcome.ResponseName, outcome.Rows, cancellationToken);
            }
        }
    }

    private async Task ArchiveAsync(IntakeItem item, CancellationToken cancellationToken)
    {
        using var archiving = item.File.Trace?.Step("archive");
        foreach (var document in item.Outcome?.Documents ?? [])
        {
            await _folder.MoveAsync(document, toError: false, cancellationToken);
        }

        await _folder.MoveAsync(item.File.Name, item.FileRejected, cancellationToken);
    }

    /// <summary>Runs <paramref name="action"/> for 0..count-1 over at most the drop's parallel connections (in order when it has one).</summary>
    private Task Each(int count, Func<int, CancellationToken, Task> action, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _folder.Parallelism), CancellationToken = cancellationToken },
            async (i, token) => await action(i, token));

    /// <summary>A request file as last listed, and when it was first sighted.</summary>
    private sealed record Listed(long Size, DateTimeOffset Modified, Instant Since, Instant FirstSeen)
    {
        public bool Same(DropEntry entry) => Size == entry.Size && Modified == entry.Modified;
    }
}
