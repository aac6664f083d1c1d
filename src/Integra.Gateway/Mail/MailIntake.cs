using System.Security.Cryptography;
using Integra.Gateway.Csv;
using Integra.Gateway.Delivery;
using Integra.Gateway.Intake;
using Integra.Gateway.Intake.Pipeline;
using Integra.Gateway.Processing;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.Outbox;
using Integra.Gateway.Storage.Resilience;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Logging;
using MimeKit;
using NodaTime;

namespace Integra.Gateway.Mail;

/// <summary>
/// The Montana mailbox (SPEC §1): each message from a partner's listed sender is a batch of request files; the
/// reply carries the response files. Mail from anyone else is never answered (no backscatter): it goes to the
/// quarantine folder. Received time is the IMAP INTERNALDATE. A message is answered once: the reply is recorded
/// in the <see cref="MailLedger"/> as going out (with its MIME bytes) before it is sent and as sent before the message
/// is moved, so a crash after the send only moves it later, and a round that finds a reply still going out never
/// answers anew (see <see cref="ReplyClaim"/>). One instance owns one IMAP connection; any failure drops it and the
/// next call connects again.
/// </summary>
/// <remarks>Throws <see cref="IOException"/>, MailKit's <see cref="ProtocolException"/>/<see cref="CommandException"/>,
/// <see cref="MailKit.Security.AuthenticationException"/> or <see cref="OperationCanceledException"/> on timeout.</remarks>
public sealed partial class MailIntake : IDisposable
{
    /// <summary>The partner column of the mailbox's poll record: one mailbox serves every partner.</summary>
    public const string MailboxPartner = "*";

    private readonly MailSettings settings;
    private readonly Func<ReferenceData> data;
    private readonly IntakePipeline pipeline;
    private readonly MailLedger ledger;
    private readonly ReplySender sender;
    private readonly IClock clock;
    private readonly ILogger logger;
    private readonly ReplyBuilder _replies;
    private readonly MailDelivery _delivery;
    private readonly OutboxStore _outbox;
    private readonly StoreAvailability availability;
    private ImapClient? _client;
    private Instant? _lookAgainAt;

    /// <summary>
    /// The mailbox of the host: <paramref name="data"/> gives the current reference data snapshot (partners' sender
    /// addresses); <paramref name="availability"/> retries the record of a sent reply through a store outage.
    /// </summary>
    public MailIntake(MailSettings settings, Func<ReferenceData> data, IntakePipeline pipeline, MailLedger ledger, ReplySender sender, IClock clock, ILogger logger, StoreAvailability availability)
    {
        this.availability = availability;
        this.settings = settings;
        this.data = data;
        this.pipeline = pipeline;
        this.ledger = ledger;
        this.sender = sender;
        this.clock = clock;
        this.logger = logger;
        _replies = new ReplyBuilder(settings);
        _delivery = new MailDelivery(settings, _replies, sender, data);
        _outbox = pipeline.Store.Outbox;
    }

    /// <summary>A mailbox wired by hand over one store (tests, tools): its own pipeline on the ledger's store.</summary>
    public MailIntake(MailSettings settings, ReferenceData data, RequestFileProcessor processor, MailLedger ledger, ReplySender sender, IClock clock, ILogger logger, StoreAvailability availability)
        : this(settings, () => data, new IntakePipeline(ledger.UnitOfWork, () => processor, logger), ledger, sender, clock, logger, availability)
    {
    }

    /// <summary>Handles every message in the inbox; returns how many.</summary>
    public async Task<int> ProcessInboxAsync(CancellationToken cancellationToken)
    {
        await using var lease = await ledger.TryLeaseAsync(cancellationToken);
        if (lease is null)
        {
            logger.LogDebug("Another gateway instance is working the mailbox; skipping this round");
            return 0;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var client = await ConnectedAsync(cancellationToken);

            // Later answers to orders that came by mail (reviews, sweeps) go out first, each in its request's thread.
            await pipeline.DeliverAsync(_delivery, partner: null, cancellationToken);
            using var bounded = MailConnections.Bounded(settings.Timeout, cancellationToken);
            var inbox = await client.GetFolderAsync(settings.Inbox, bounded.Token);
            await inbox.OpenAsync(FolderAccess.ReadWrite, bounded.Token);
            var uids = await inbox.SearchAsync(SearchQuery.NotDeleted, bounded.Token);
            var handled = 0;
            _lookAgainAt = null;
            if (uids.Count > 0)
            {
                var summaries = await inbox.FetchAsync(uids, MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope | MessageSummaryItems.InternalDate | MessageSummaryItems.Size, bounded.Token);
                foreach (var summary in summaries)
                {
                    if (!await HandleAsync(client, inbox, summary, cancellationToken))
                    {
                        // The store's connection broke under the round, and the mailbox's lease with it: another
                        // instance may work the mailbox now. The next round takes the lease again.
                        logger.LogInformation("The mailbox round ends early: a store outage ended its lease");
                        break;
                    }
                }

                handled = summaries.Count;
            }

            await pipeline.PolledAsync(MailboxPartner, Channel.Email, started.Elapsed, error: null, cancellationToken);
            return handled;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Drop();
            await pipeline.PolledAsync(MailboxPartner, Channel.Email, started.Elapsed, e, cancellationToken);
            throw;
        }
    }

    /// <summary>
    /// Waits for new mail: IDLE (re-issued every <see cref="MailSettings.IdleRefresh"/>) when the server has it, else
    /// the poll interval. Under IDLE the outbox is still checked every <see cref="MailSettings.PollInterval"/>: an
    /// answer recorded elsewhere (a review run on the command line, the sweep, an S5 closure) ends the wait, so it
    /// reaches the partner within the poll interval, not at the next new mail or IDLE refresh (issue 24).
    /// </summary>
    public async Task WaitForMailAsync(CancellationToken cancellationToken)
    {
        if (_client is not { IsConnected: true } client || !client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            await Task.Delay(Shortened(settings.PollInterval), cancellationToken);
            return;
        }

        try
        {
            // The configured inbox (the folder the round selected), not the server's INBOX: IDLE reports changes of the
            // selected folder only, so a watch on INBOX would miss mail filed elsewhere until the IDLE refresh.
            IMailFolder inbox;
            using (var bounded = MailConnections.Bounded(settings.Timeout, cancellationToken))
            {
                inbox = await client.GetFolderAsync(settings.Inbox, bounded.Token);
            }

            using var done = new CancellationTokenSource(Shortened(settings.IdleRefresh));
            void Arrived(object? s, EventArgs e) => done.Cancel();
            inbox.CountChanged += Arrived;
            using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var watcher = WatchOutboxAsync(done, watching.Token);
            try
            {
                await client.IdleAsync(done.Token, cancellationToken);
            }
            finally
            {
                inbox.CountChanged -= Arrived;

                // The watcher uses this worker's store connection: it must have stopped before the next round does.
                await watching.CancelAsync();
                await watcher;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "IMAP IDLE on {Location} ended with an error; reconnecting", settings.Imap.Location);
            Drop();
        }
    }

    public void Dispose() => Drop();

    /// <summary><paramref name="wait"/>, or less when a message left to another round's reply is to be looked at sooner.</summary>
    private TimeSpan Shortened(TimeSpan wait)
    {
        if (_lookAgainAt is not { } at)
        {
            return wait;
        }

        var left = (at - clock.GetCurrentInstant()).ToTimeSpan();
        return left < wait ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : wait;
    }

    /// <summary>Every poll interval while IDLE waits: ends it (<paramref name="done"/>) once an answer waits for the mailbox.</summary>
    private async Task WatchOutboxAsync(CancellationTokenSource done, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(settings.PollInterval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if ((await _outbox.PendingAsync(Channel.Email, null, cancellationToken)).Count > 0)
                {
                    await done.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // IDLE ended first (new mail, refresh, shutdown).
        }
        catch (Exception e)
        {
            // The store did not answer: end IDLE, so the round that follows reports it as the channel's failure.
            logger.LogDebug(e, "Checking the outbox during IMAP IDLE failed; ending IDLE");
            await done.CancelAsync();
        }
    }

    /// <returns>Whether the round may go on: false when a store outage ended the mailbox's lease.</returns>
    private async Task<bool> HandleAsync(ImapClient client, IMailFolder inbox, IMessageSummary summary, CancellationToken cancellationToken)
    {
        using var bounded = MailConnections.Bounded(settings.Timeout, cancellationToken);
        var envelope = summary.Envelope ?? new Envelope();
        var from = envelope.From.Mailboxes.FirstOrDefault();
        var partner = from is null ? null : data().Partners.FirstOrDefault(p => p.Emails.Contains(from.Address, StringComparer.OrdinalIgnoreCase));
        if (from is null || partner is null)
        {
            logger.LogWarning("Quarantined mail from unknown sender {Sender} (Message-ID {MessageId}); not answered", from?.Address ?? "(none)", envelope.MessageId);
            await MoveAsync(client, inbox, summary.UniqueId, settings.QuarantineFolder, bounded.Token);
            return true;
        }

        var received = summary.InternalDate is { } internalDate ? Instant.FromDateTimeOffset(internalDate) : clock.GetCurrentInstant();
        MimeMessage? message = null;
        string? problem = null;
        if (summary.Size > settings.MaxMessageBytes)
        {
            problem = $"the message is larger than {settings.MaxMessageBytes / (1024 * 1024)} MiB";
        }
        else
        {
            try
            {
                message = await inbox.GetMessageAsync(summary.UniqueId, bounded.Token);
            }
            catch (ParseException)
            {
                problem = "the message could not be read (broken MIME)";
            }
        }

        var attachments = MailAttachment.Of(message);
        var requests = attachments.Where(a => SafeFileName.IsPlain(a.FileName) && FileKinds.FromName(a.FileName) is not null).ToList();
        if (problem is null && requests.Count == 0)
        {
            problem = "it has no *.lsr.csv or *.csr.csv attachment";
        }

        var key = MessageKey(envelope.MessageId ?? $"uid-{summary.UniqueId.Id}-{received}", attachments);
        var entry = await ledger.EntryAsync(key, cancellationToken);
        var state = entry?.State;
        if (state == MailState.Done)
        {
            // The same message again (delivered twice): answered already, only moved.
            await MoveAsync(client, inbox, summary.UniqueId, problem is null ? settings.ProcessedFolder : settings.ErrorFolder, bounded.Token);
            return true;
        }

        if (entry is { State: MailState.Replying } && entry.Since + ReplyClaim > ledger.UnitOfWork.Clock.GetCurrentInstant())
        {
            // Its reply is going out from another round (another instance's, or one whose store went away while it
            // recorded the send): never decided and replied anew. Looked at again once that round's claim is over.
            logger.LogInformation("Mail from {Partner} <{Sender}> (Message-ID {MessageId}): its reply is going out from another round; looking again after {Until}", partner.Id, from.Address, envelope.MessageId, entry.Since + ReplyClaim);
            _lookAgainAt = _lookAgainAt is { } earlier && earlier < entry.Since + ReplyClaim ? earlier : entry.Since + ReplyClaim;
            return true;
        }

        var thread = new MailThread(from.Address, envelope.MessageId, string.Join(' ', message?.References ?? []), envelope.Subject);
        var files = problem is null ? requests.Select(r => Received(r, partner, received, attachments, thread)).ToList() : [];
        try
        {
            // Not yet replied: decide (a file decided before a crash is answered again from the store, S7), reply, and
            // record the reply with the files' ledger step in one unit of work. Replied already: only finish the files.
            var items = files.Count == 0 ? [] : await pipeline.DecideAsync(files, cancellationToken, answerAgain: state is null);
            if (state is null)
            {
                var reply = problem is null
                    ? _replies.Answer(key, message!, from, items.Select(i => i.Outcome!).ToList())
                    : _replies.Format(key, envelope.MessageId, envelope.Subject, from, problem);
                using var replying = MailSteps.Start(files, "reply");
                if (!await ReplyOnceAsync(new PendingReply(key, from.Address, partner.Id, received, reply), items, bounded.Token, cancellationToken))
                {
                    return false;
                }

                logger.LogInformation(
                    "Replied to mail from {Partner} <{Sender}> (Message-ID {MessageId}) with {Attachments} response file(s){Problem}",
                    partner.Id, from.Address, envelope.MessageId, problem is null ? requests.Count : 0, problem is null ? string.Empty : $": {problem}");
            }
            else if (state == MailState.Replying)
            {
                // The gateway that sent this reply stopped before it recorded the send: the same message again, never
                // one made anew (same Message-ID and bytes, so the partner's mail client shows one), told once.
                var reply = MimeMessage.Load(new MemoryStream(entry!.ReplyMime ?? throw new InvalidOperationException($"mail {key}: a reply going out without its message"), writable: false), bounded.Token);
                using var replying = MailSteps.Start(files, "reply");
                if (!await SendAgainAsync(key, reply, items, bounded.Token, cancellationToken))
                {
                    return false;
                }

                logger.MailReplySentAgain(partner.Id, from.Address, envelope.MessageId, reply.MessageId ?? string.Empty, StoreFormats.Text(entry.Since));
            }

            using (MailSteps.Start(files, "move"))
            {
                await MoveAsync(client, inbox, summary.UniqueId, problem is null ? settings.ProcessedFolder : settings.ErrorFolder, bounded.Token);
                var done = await ledger.UnitOfWork.BeginAsync(cancellationToken);
                await using (done)
                {
                    await ledger.MarkDoneAsync(key, cancellationToken);
                    await pipeline.ArchivedAsync(items, cancellationToken);
                    await done.CommitAsync(cancellationToken);
                }
            }

            return true;
        }
        catch (Exception e)
        {
            foreach (var file in files)
            {
                file.Trace?.Failed(e);
            }

            throw;
        }
        finally
        {
            foreach (var file in files)
            {
                await file.Content.DisposeAsync();
                file.Trace?.Dispose();
            }
        }
    }

    /// <summary>A request attachment as the pipeline takes it, with the LOA attachments its rows name.</summary>
    private ReceivedFile Received(MailAttachment request, Partner partner, Instant received, IReadOnlyList<MailAttachment> attachments, MailThread thread)
    {
        var content = new MemoryStream(request.Content, writable: false);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(request.Content));
        var loas = new AttachmentLoaSource(attachments);
        var documents = pipeline.DocumentNames(request.FileName, content, attachments.Any(a => !ReferenceEquals(a, request))).Select(loas.Fetch).OfType<LoaDocument>().ToList();
        return new ReceivedFile(partner, Channel.Email, request.FileName, content, sha256, received, documents, thread)
        {
            // One trace per request file of the message (issue 29): decide and store by the pipeline, reply and move here.
            Trace = Operations.FileTrace.Start(partner.Id, StoredText.Of(Channel.Email), request.FileName),
        };
    }

    /// <summary>Message-ID plus the hash of every attachment: a resent message with other files is a new message.</summary>
    private static string MessageKey(string messageId, IReadOnlyList<MailAttachment> attachments)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var attachment in attachments)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(attachment.FileName));
            hash.AppendData(attachment.Content);
        }

        return $"{messageId}#{Convert.ToHexStringLower(hash.GetHashAndReset())}";
    }

    private static async Task MoveAsync(ImapClient client, IMailFolder inbox, UniqueId uid, string folderName, CancellationToken cancellationToken)
    {
        IMailFolder? folder;
        try
        {
            folder = await client.GetFolderAsync(folderName, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            folder = await root.CreateAsync(folderName, isMessageFolder: true, cancellationToken);
        }

        await inbox.MoveToAsync(uid, folder ?? throw new InvalidOperationException($"mail folder {folderName} could not be created"), cancellationToken);
    }

    private async Task<ImapClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true, IsAuthenticated: true })
        {
            return _client;
        }

        Drop();
        var imap = settings.Imap;
        var client = new ImapClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            using var bounded = MailConnections.Bounded(settings.Timeout, cancellationToken);
            await client.ConnectAsync(imap.Host, imap.Port, MailConnections.Options(imap), bounded.Token);
            await client.AuthenticateAsync(imap.User ?? string.Empty, imap.ReadPassword() ?? string.Empty, bounded.Token);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        _client = client;
        return client;
    }

    private void Drop()
    {
        var client = _client;
        _client = null;
        client?.Dispose();
    }
}
