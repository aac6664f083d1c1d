using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.Storage.Ledgers;

/// <summary>
/// What became of each mail message, keyed by Message-ID and the hash of its attachments, so that a message
/// delivered twice, or still in the inbox after a crash, is answered once. The reply is recorded as going out, with
/// its MIME bytes, before it is sent (<see cref="MarkReplyingAsync"/>), and as sent after (<see cref="MarkRepliedAsync"/>).
/// </summary>
public sealed class MailLedger(IUnitOfWork uow)
{
    /// <summary>The unit of work the ledger writes in, for callers that group its steps with the intake ledger's.</summary>
    public IUnitOfWork UnitOfWork => uow;

    /// <summary>The right to work the mailbox now, or null while another gateway instance on the same database does.</summary>
    public Task<IAsyncDisposable?> TryLeaseAsync(CancellationToken cancellationToken) => uow.TryLeaseAsync("intake:mailbox", cancellationToken);

    /// <summary>The message's record, or null when no reply to it was ever recorded.</summary>
    public async Task<MailEntry?> EntryAsync(string messageKey, CancellationToken cancellationToken) =>
        await uow.QueryFirstOrDefaultAsync<(string State, string UpdatedAt, byte[]? ReplyMime)?>(
            "SELECT state, updated_at, reply_mime FROM mail_messages WHERE message_key = @messageKey", new { messageKey }, cancellationToken) is { } row
            ? new MailEntry(StoredText.MailState(row.State), StoreFormats.Instant(row.UpdatedAt), row.ReplyMime)
            : null;

    /// <summary>
    /// Records that the reply <paramref name="replyMime"/> is going out, before it is sent: from now on the message is
    /// never answered anew, only with these bytes (when the send is in doubt) or not at all.
    /// </summary>
    public Task MarkReplyingAsync(string messageKey, string sender, string? partner, Instant received, string replyId, byte[] replyMime, CancellationToken cancellationToken) =>
        uow.ExecuteAsync(
            """
            INSERT INTO mail_messages (message_key, sender, partner, received_at, state, reply_id, reply_mime, updated_at)
            VALUES (@messageKey, @sender, @partner, @received, @state, @replyId, @replyMime, @now)
            ON CONFLICT (message_key) DO UPDATE SET state = @state, reply_id = @replyId, reply_mime = @replyMime, updated_at = @now
            """,
            new { messageKey, sender, partner, received = StoreFormats.Text(received), state = StoredText.Of(MailState.Replying), replyId, replyMime, now = StoreFormats.Text(uow.Clock.GetCurrentInstant()) },
            cancellationToken);

    /// <summary>
    /// Records that the reply went out; from now on the message is only moved. The MIME bytes are dropped: nothing
    /// sends them again. A message already past <see cref="MailState.Replying"/> is left as it is.
    /// </summary>
    public Task MarkRepliedAsync(string messageKey, CancellationToken cancellationToken) =>
        uow.ExecuteAsync(
            "UPDATE mail_messages SET state = @replied, reply_mime = NULL, updated_at = @now WHERE message_key = @messageKey AND state = @replying",
            new { messageKey, replied = StoredText.Of(MailState.Replied), replying = StoredText.Of(MailState.Replying), now = StoreFormats.Text(uow.Clock.GetCurrentInstant()) },
            cancellationToken);

    /// <summary>
    /// Claims a reply found going out for this round's send of it again: its time is now, so that another round
    /// (another instance's, after a store outage ended this one's lease) leaves it alone for a claim of its own.
    /// </summary>
    public Task ClaimAgainAsync(string messageKey, CancellationToken cancellationToken) =>
        uow.ExecuteAsync(
            "UPDATE mail_messages SET updated_at = @now WHERE message_key = @messageKey AND state = @replying",
            new { messageKey, replying = StoredText.Of(MailState.Replying), now = StoreFormats.Text(uow.Clock.GetCurrentInstant()) },
            cancellationToken);

    /// <summary>Forgets a reply that was going out and provably did not (the SMTP server refused it): the message is unanswered again.</summary>
    public Task ForgetAsync(string messageKey, CancellationToken cancellationToken) =>
        uow.ExecuteAsync(
            "DELETE FROM mail_messages WHERE message_key = @messageKey AND state = @replying",
            new { messageKey, replying = StoredText.Of(MailState.Replying) },
            cancellationToken);

    public Task MarkDoneAsync(string messageKey, CancellationToken cancellationToken) =>
        uow.ExecuteAsync(
            "UPDATE mail_messages SET state = @state, updated_at = @now WHERE message_key = @messageKey",
            new { messageKey, state = StoredText.Of(MailState.Done), now = StoreFormats.Text(uow.Clock.GetCurrentInstant()) },
            cancellationToken);
}

/// <summary>One message's record in the <see cref="MailLedger"/>.</summary>
/// <param name="State">How far its answer got.</param>
/// <param name="Since">When it reached that state (the store's clock).</param>
/// <param name="ReplyMime">The reply as it went to the SMTP server, while <paramref name="State"/> is <see cref="MailState.Replying"/>.</param>
public sealed record MailEntry(MailState State, Instant Since, byte[]? ReplyMime);

/// <summary>The <see cref="MailLedger"/> of a unit of work.</summary>
public static class MailLedgerAccess
{
    extension(IUnitOfWork uow)
    {
        /// <summary>The mail ledger: what became of each message, and the mailbox's lease.</summary>
        public MailLedger Mail => uow.Store(static u => new MailLedger(u));
    }
}
