using System.Security.Cryptography;
using Integra.Gateway.Logging;
using Integra.Gateway.Processing;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Integra.Gateway.Drops;

/// <summary>
/// One round over one partner's drop. A file is taken when a listing shows the same size and modification time as
/// the listing before and that has held for the quiet period (so a file still being uploaded waits); partial names
/// are ignored. Each upload then goes Seen → Answered → Archived in the ledger, so that after a crash anywhere the
/// next round finishes it with exactly one response.
/// </summary>
public sealed class DropPoller(
    Partner partner,
    string channel,
    IDropFolder folder,
    RequestFileProcessor processor,
    IntakeLedger ledger,
    IClock clock,
    Duration quietPeriod,
    ILogger logger,
    OutboxStore? outbox = null,
    Operations.GatewayMetrics? metrics = null)
{
    /// <summary>Files taken through the ledger's steps together; bounds the temp files and the work lost to a crash.</summary>
    private const int BatchSize = 100;

    private const long InMemoryBytes = 1024 * 1024;

    private readonly Dictionary<string, (long Size, DateTimeOffset Modified, Instant Since)> _lastListing = new(StringComparer.Ordinal);

    /// <summary>Lists the drop and handles every file that is ready. Returns the number of files finished this round.</summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        using var lease = ledger.TryLease(partner.Id, channel);
        if (lease is null)
        {
            logger.LogDebug("Another gateway instance is polling {Partner} {Channel}; skipping this round", partner.Id, channel);
            return 0;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var ok = false;
        try
        {
            var finished = await PollOnceAsync(cancellationToken);
            ledger.RecordPoll(partner.Id, channel, error: null);
            ok = true;
            return finished;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ledger.RecordPoll(partner.Id, channel, $"{e.GetType().Name}: {e.Message}");
            throw;
        }
        finally
        {
            metrics?.Polled(partner.Id, channel, started.Elapsed, ok);
        }
    }

    private async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        await DeliverOutboxAsync(cancellationToken);
        var entries = await folder.ListAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        var ready = new List<DropEntry>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<DropEntry>();
        foreach (var entry in entries)
        {
            if (IsPartialName(entry.Name) || IsDocument(entry.Name))
            {
                continue;
            }

            if (!SafeFileName.IsPlain(entry.Name))
            {
                logger.UnsafeFileNameIgnored(partner.Id, folder.Location, entry.Name);
                continue;
            }

            candidates.Add(entry);
            listed.Add(entry.Name);
        }

        var firstSeen = ledger.Sighted(partner.Id, channel, listed);
        foreach (var entry in candidates)
        {
            if (_lastListing.TryGetValue(entry.Name, out var last) && last.Size == entry.Size && last.Modified == entry.Modified)
            {
                if (now - last.Since >= quietPeriod)
                {
                    ready.Add(entry);
                }
            }
            else
            {
                _lastListing[entry.Name] = (entry.Size, entry.Modified, now);
            }
        }

        foreach (var gone in _lastListing.Keys.Where(k => !listed.Contains(k)).ToList())
        {
            _lastListing.Remove(gone);
        }

        var finished = 0;
        foreach (var batch in ready.Chunk(BatchSize))
        {
            finished += await HandleBatchAsync(batch, firstSeen, cancellationToken);
            foreach (var entry in batch)
            {
                _lastListing.Remove(entry.Name);
            }
        }

        return finished;
    }

    /// <summary>One event per file and one per request, each with its correlation id (file F&lt;ledger id&gt;, request F&lt;id&gt;-&lt;n&gt;).</summary>
    private void Log(FileOutcome outcome, string fileId, long durationMs)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = fileId });
        if (outcome.FileRejected)
        {
            logger.FileRejected(partner.Id, channel, outcome.FileName, outcome.Rows[0].Code, outcome.Rows[0].Message);
        }

        for (var i = 0; i < outcome.Summaries.Count; i++)
        {
            var r = outcome.Summaries[i];
            logger.RequestDecided(partner.Id, r.Kind, r.Pon, r.Ver, r.TnCount, r.Outcome, r.RejectCodes, $"{fileId}-{i + 1}");
        }

        logger.FileAnswered(partner.Id, channel, outcome.FileName, outcome.Requests, outcome.Summary(), outcome.ResponseName, durationMs);
        metrics?.FileAnswered(partner.Id, channel, outcome);
    }

    /// <summary>Later events' responses for this partner (CAN E01 from the sweep) go out through its drop first.</summary>
    private async Task DeliverOutboxAsync(CancellationToken cancellationToken)
    {
        if (outbox is null)
        {
            return;
        }

        var delivered = await new Lifecycle.OutboxDelivery(outbox).DeliverResponsesAsync(
            partner.Id,
            (_, name, rows) => folder.WriteResponseAsync(name, rows, cancellationToken));
        if (delivered > 0)
        {
            logger.OutboxDelivered(partner.Id, folder.Location, delivered);
        }
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
    /// Takes a batch of ready files through the ledger's steps together: one durable commit per step for the whole
    /// batch instead of one per file, and the transfers of a step run over the drop's parallel connections. Each
    /// step still completes for every file of the batch before the next begins, so a crash anywhere leaves every
    /// file in a ledger state that the next round finishes (process again and answer from the store, or archive).
    /// </summary>
    private async Task<int> HandleBatchAsync(DropEntry[] batch, IReadOnlyDictionary<string, Instant> firstSeen, CancellationToken cancellationToken)
    {
        var downloads = new Download[batch.Length];
        try
        {
            await Each(batch.Length, async (i, token) => downloads[i] = await DownloadAsync(batch[i], token), cancellationToken);
            var work = Decide(downloads, firstSeen);

            await Each(work.Length, (i, token) => work[i].Outcome is { } o ? folder.WriteResponseAsync(o.ResponseName, o.Rows, token) : Task.CompletedTask, cancellationToken);
            using (var answered = ledger.Store.Begin())
            {
                foreach (var item in work.Where(w => w.Outcome is not null))
                {
                    ledger.MarkAnswered(item.Record.Id, item.Outcome!.ResponseName, item.Outcome.FileRejected);
                }

                answered.Commit();
            }

            foreach (var item in work.Where(w => w.Outcome is not null))
            {
                Log(item.Outcome!, $"F{item.Record.Id}", item.DurationMs);
            }

            await Each(work.Length, (i, token) => ArchiveAsync(work[i], token), cancellationToken);

            using (var archived = ledger.Store.Begin())
            {
                foreach (var item in work)
                {
                    ledger.MarkArchived(item.Record.Id, partner.Id, channel, item.Name);
                }

                archived.Commit();
            }

            return work.Length;
        }
        finally
        {
            foreach (var download in downloads.Where(d => d is not null))
            {
                await download.Content.DisposeAsync();
            }
        }
    }

    /// <summary>Opens each upload's ledger entry and decides the new ones, all in one transaction.</summary>
    private Work[] Decide(Download[] downloads, IReadOnlyDictionary<string, Instant> firstSeen)
    {
        var work = new Work[downloads.Length];
        using var transaction = ledger.Store.Begin();
        for (var i = 0; i < downloads.Length; i++)
        {
            var d = downloads[i];
            var record = ledger.Open(partner.Id, channel, d.Name, d.Content.Length, d.Sha256, firstSeen[d.Name]);
            if (record.State != IntakeState.Seen)
            {
                work[i] = new Work(d.Name, record, null, record.FileRejected, [], 0);
                continue;
            }

            var receipt = new Receipt(partner, channel == "email" ? Channel.Email : Channel.Sftp, record.FirstSeen);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var outcome = processor.Process(receipt, d.Name, d.Content, d.Content.Length, folder.Loas);
            work[i] = new Work(d.Name, record, outcome, outcome.FileRejected, outcome.Documents, watch.ElapsedMilliseconds);
        }

        transaction.Commit();
        return work;
    }

    private async Task<Download> DownloadAsync(DropEntry entry, CancellationToken cancellationToken)
    {
        // Small files (nearly all) stay in memory; a large one goes to a temp file so memory stays bounded.
        Stream copy = entry.Size <= InMemoryBytes
            ? new MemoryStream(checked((int)Math.Max(entry.Size, 0)))
            : new FileStream(Path.Combine(Path.GetTempPath(), $"integra-{Guid.NewGuid():N}.part"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            await folder.DownloadAsync(entry.Name, copy, cancellationToken);
            copy.Position = 0;
            var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(copy, cancellationToken));
            copy.Position = 0;
            return new Download(entry.Name, copy, sha256);
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }

    private async Task ArchiveAsync(Work item, CancellationToken cancellationToken)
    {
        foreach (var document in item.Documents)
        {
            await folder.MoveAsync(document, toError: false, cancellationToken);
        }

        await folder.MoveAsync(item.Name, item.FileRejected, cancellationToken);
    }

    /// <summary>Runs <paramref name="action"/> for 0..count-1 over at most the drop's parallel connections (in order when it has one).</summary>
    private Task Each(int count, Func<int, CancellationToken, Task> action, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, folder.Parallelism), CancellationToken = cancellationToken },
            async (i, token) => await action(i, token));

    /// <summary>A downloaded upload, in memory or in a temp file deleted on close, with its content hash.</summary>
    private sealed record Download(string Name, Stream Content, string Sha256);

    /// <summary>What the batch does for one upload: its ledger entry and, when it was decided now, the answer.</summary>
    private sealed record Work(string Name, IntakeRecord Record, FileOutcome? Outcome, bool FileRejected, IReadOnlyList<string> Documents, long DurationMs);
}
