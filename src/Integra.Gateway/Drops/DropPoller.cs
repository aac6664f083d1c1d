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
        foreach (var entry in ready)
        {
            await HandleAsync(entry, firstSeen[entry.Name], cancellationToken);
            _lastListing.Remove(entry.Name);
            finished++;
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

    private async Task HandleAsync(DropEntry entry, Instant firstSeen, CancellationToken cancellationToken)
    {
        var local = Path.Combine(Path.GetTempPath(), $"integra-{Guid.NewGuid():N}.part");
        try
        {
            string sha256;
            await using (var copy = new FileStream(local, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose))
            {
                await folder.DownloadAsync(entry.Name, copy, cancellationToken);
                copy.Position = 0;
                sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(copy, cancellationToken));
                copy.Position = 0;
                var record = ledger.Open(partner.Id, channel, entry.Name, copy.Length, sha256, firstSeen);
                var fileRejected = record.FileRejected;
                IReadOnlyList<string> documents = [];
                if (record.State == IntakeState.Seen)
                {
                    var receipt = new Receipt(partner, channel == "email" ? Channel.Email : Channel.Sftp, record.FirstSeen);
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    var outcome = processor.Process(receipt, entry.Name, copy, copy.Length, folder.Loas);
                    await folder.WriteResponseAsync(outcome.ResponseName, outcome.Rows, cancellationToken);
                    ledger.MarkAnswered(record.Id, outcome.ResponseName, outcome.FileRejected);
                    fileRejected = outcome.FileRejected;
                    documents = outcome.Documents;
                    Log(outcome, $"F{record.Id}", watch.ElapsedMilliseconds);
                }

                foreach (var document in documents)
                {
                    await folder.MoveAsync(document, toError: false, cancellationToken);
                }

                await folder.MoveAsync(entry.Name, fileRejected, cancellationToken);
                ledger.MarkArchived(record.Id, partner.Id, channel, entry.Name);
            }
        }
        finally
        {
            File.Delete(local);
        }
    }
}
