using System.Diagnostics;
using Integra.Gateway.Delivery;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Logging;
using Integra.Gateway.Processing;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.Outbox;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Integra.Gateway.Intake.Pipeline;

/// <summary>
/// The one route every channel's files take (issue 14): ledger step, decision against one reference data snapshot,
/// store, events 100–102, metrics and the poll record — written once, fed by every transport (local and SFTP drops,
/// the mailbox, the portal). Transports only list, fetch and deliver. One instance per thread of work: it owns its
/// store connection. Each step is one unit of work for a whole batch, so a crash between steps leaves every file in a
/// ledger state the next round finishes, exactly once.
/// </summary>
public sealed class IntakePipeline(
    IUnitOfWork store,
    Func<RequestFileProcessor> processor,
    ILogger logger,
    Operations.GatewayMetrics? metrics = null,
    INpacGateway? npac = null) : IDisposable
{
    private readonly IntakeLedger _ledger = store.Intake;
    private readonly OutboxStore _outbox = store.Outbox;
    private bool _ownsStore;

    /// <summary>A pipeline that closes <paramref name="store"/> when it is disposed (the host's, one per worker).</summary>
    public static IntakePipeline Owning(IUnitOfWork store, Func<RequestFileProcessor> processor, ILogger logger, Operations.GatewayMetrics? metrics, INpacGateway? npac) =>
        new(store, processor, logger, metrics, npac) { _ownsStore = true };

    /// <summary>The store the pipeline works on, for a transport's own ledger (the mailbox's) to share its units of work.</summary>
    public IUnitOfWork Store => store;

    /// <summary>The right to work this partner's channel now, or null while another gateway instance does.</summary>
    public Task<IAsyncDisposable?> TryLeaseAsync(string partner, Channel channel, CancellationToken cancellationToken) =>
        _ledger.TryLeaseAsync(partner, StoredText.Of(channel), cancellationToken);

    /// <summary>Records the first sighting of every listed file; returns each one's received time.</summary>
    public Task<IReadOnlyDictionary<string, Instant>> SightedAsync(string partner, Channel channel, IEnumerable<string> names, CancellationToken cancellationToken) =>
        _ledger.SightedAsync(partner, StoredText.Of(channel), names, cancellationToken);

    /// <summary>
    /// The LOA documents a request file names, for its transport to fetch before <see cref="DecideAsync"/>; the content is
    /// back at its start afterwards. Only a CSR file names documents, and only when <paramref name="anyDocumentBeside"/>
    /// (the drop's listing or the message has a document at all) is it read for them: otherwise nothing could be
    /// fetched, and the file is read once, by the decision.
    /// </summary>
    public IReadOnlyList<string> DocumentNames(string fileName, Stream content, bool anyDocumentBeside)
    {
        if (!anyDocumentBeside || FileKinds.FromName(fileName) != FileKind.Csr)
        {
            return [];
        }

        var names = processor().DocumentNames(fileName, content, content.Length);
        content.Position = 0;
        return names;
    }

    /// <summary>
    /// Opens each file's ledger entry and decides the new ones, all in one transaction and against one reference
    /// data snapshot. A file the ledger shows answered already gets no outcome (its transport only archives it) unless
    /// <paramref name="answerAgain"/>: then it is processed again and every request is answered from the store (S7),
    /// for a transport that must send the whole answer again (a mail reply lost in a crash).
    /// </summary>
    public async Task<IReadOnlyList<IntakeItem>> DecideAsync(IReadOnlyList<ReceivedFile> files, CancellationToken cancellationToken, bool answerAgain = false)
    {
        var decide = processor();
        var items = new IntakeItem[files.Count];
        var transaction = await store.BeginAsync(cancellationToken);
        await using (transaction)
        {
            for (var i = 0; i < files.Count; i++)
            {
                var file = files[i];
                var record = await _ledger.OpenAsync(file.Partner.Id, StoredText.Of(file.Channel), file.Name, file.Content.Length, file.Sha256, file.Received, cancellationToken);
                if (record.State != IntakeState.Seen && !answerAgain)
                {
                    items[i] = new IntakeItem(file, record, null, 0);
                    continue;
                }

                var watch = Stopwatch.StartNew();
                FileOutcome outcome;
                using (file.Trace?.Step("decide"))
                {
                    outcome = await decide.ProcessAsync(new Receipt(file.Partner, file.Channel, record.FirstSeen), file.Name, file.Content, file.Content.Length, new FetchedLoas(file.Documents), cancellationToken, file.Thread);
                }

                items[i] = new IntakeItem(file, record, outcome, watch.ElapsedMilliseconds);
            }

            // The batch's decisions are stored in one commit: each file's trace shows it as its own "store" step.
            var stored = files.Select(f => f.Trace?.Step("store")).ToList();
            try
            {
                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                for (var i = stored.Count - 1; i >= 0; i--)
                {
                    stored[i]?.Dispose();
                }
            }
        }

        // NPAC cancels of S2 and S5 go out now, not at the next daily sweep.
        if (npac is not null && items.Any(i => i.Outcome?.NpacBatches is { Count: > 0 }))
        {
            await new OutboxDelivery(_outbox).DeliverNpacAsync(npac, cancellationToken);
        }

        return items;
    }

    /// <summary>Records that the answers of these files reached the partner, then logs and counts them (events 100–102).</summary>
    public async Task AnsweredAsync(IReadOnlyList<IntakeItem> items, CancellationToken cancellationToken)
    {
        var answered = items.Where(i => i.Outcome is not null).ToList();
        var transaction = await store.BeginAsync(cancellationToken);
        await using (transaction)
        {
            foreach (var item in answered)
            {
                await _ledger.MarkAnsweredAsync(item.Record.Id, item.Outcome!.ResponseName, item.Outcome.FileRejected, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var item in answered)
        {
            Log(item);
        }
    }

    /// <summary>Done with these files (archived, or their message moved); the next file of the name is a new upload.</summary>
    public async Task ArchivedAsync(IReadOnlyList<IntakeItem> items, CancellationToken cancellationToken)
    {
        var transaction = await store.BeginAsync(cancellationToken);
        await using (transaction)
        {
            foreach (var item in items)
            {
                await _ledger.MarkArchivedAsync(item.Record.Id, item.File.Partner.Id, StoredText.Of(item.File.Channel), item.File.Name, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Records one poll of a channel for <c>status</c> and health, and its duration in the metrics.</summary>
    public async Task PolledAsync(string partner, Channel channel, TimeSpan elapsed, Exception? error, CancellationToken cancellationToken)
    {
        await _ledger.RecordPollAsync(partner, StoredText.Of(channel), error is null ? null : $"{error.GetType().Name}: {error.Message}", cancellationToken);
        metrics?.Polled(partner, StoredText.Of(channel), elapsed, error is null);
    }

    /// <summary>
    /// Records that a round still under way reached its channel and finished a batch: the channel's last good poll
    /// moves on while a backlog drains, so <c>status</c>, health and the poll-age gauge show a drop at work, not one
    /// that stopped polling. The round's own record (<see cref="PolledAsync"/>, with its duration) follows at its end.
    /// </summary>
    public Task ProgressedAsync(string partner, Channel channel, CancellationToken cancellationToken) =>
        _ledger.RecordPollAsync(partner, StoredText.Of(channel), error: null, cancellationToken);

    /// <summary>
    /// Delivers every waiting answer of <paramref name="transport"/>'s channel (of one partner, or all), each marked
    /// delivered after its delivery; returns how many files went out.
    /// </summary>
    public async Task<int> DeliverAsync(IDeliveryTransport transport, string? partner, CancellationToken cancellationToken)
    {
        var files = await _outbox.PendingAsync(transport.Channel, partner, cancellationToken);
        foreach (var file in files)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                await transport.DeliverAsync(file, file.Rows.Select(ResponseRow.FromCells).ToList(), cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                metrics?.Delivered(file.Partner, StoredText.Of(transport.Channel), started.Elapsed, ok: false);
                throw;
            }

            metrics?.Delivered(file.Partner, StoredText.Of(transport.Channel), started.Elapsed, ok: true);
            await _outbox.MarkDeliveredAsync(file, cancellationToken);
            logger.OutboxDelivered(file.Partner, transport.Location, 1);
        }

        return files.Count;
    }

    public void Dispose()
    {
        if (_ownsStore)
        {
            store.Dispose();
        }
    }

    /// <summary>One event per file and one per request, each with its correlation id (file F&lt;ledger id&gt;, request F&lt;id&gt;-&lt;n&gt;).</summary>
    private void Log(IntakeItem item)
    {
        var outcome = item.Outcome!;
        var partner = item.File.Partner.Id;
        var channel = StoredText.Of(item.File.Channel);
        var fileId = $"F{item.Record.Id}";
        using var traced = item.File.Trace?.Enter();
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = fileId });
        if (outcome.FileRejected)
        {
            logger.FileRejected(partner, channel, outcome.FileName, outcome.Rows[0].Code, outcome.Rows[0].Message);
        }

        for (var i = 0; i < outcome.Summaries.Count; i++)
        {
            var r = outcome.Summaries[i];
            logger.RequestDecided(partner, r.KindText, r.Pon, r.Ver, r.TnCount, r.OutcomeText, r.RejectCodes, $"{fileId}-{i + 1}");
            if (r.Outcome == ResponseType.Pending)
            {
                logger.ExpediteReviewPending(partner, channel, r.Pon, r.Ver, $"{fileId}-{i + 1}");
            }
        }

        logger.FileAnswered(partner, channel, outcome.FileName, outcome.Requests, outcome.Summary(), outcome.ResponseName, item.DurationMs);
        metrics?.FileAnswered(partner, channel, outcome, TimeSpan.FromMilliseconds(item.DurationMs));
    }
}

/// <summary>What the pipeline did with one file: its ledger entry and, when it was decided now, the answer.</summary>
public sealed record IntakeItem(ReceivedFile File, IntakeRecord Record, FileOutcome? Outcome, long DurationMs)
{
    /// <summary>The file as a whole was refused (F01–F05): its original goes to the error folder.</summary>
    public bool FileRejected => Outcome?.FileRejected ?? Record.FileRejected;
}
