using Dapper;
using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.Storage.Ledgers;

/// <summary>
/// What became of each mail message, keyed by Message-ID and the hash of its attachments, so that a message
/// delivered twice, or still in the inbox after a crash, is answered once.
/// </summary>
public sealed class MailLedger(IUnitOfWork uow)
{
    /// <summary>The unit of work the ledger writes in, for callers that group its steps with the intake ledger's.</summary>
    public IUnitOfWork UnitOfWork => uow;

    /// <summary>The right to work the mailbox now, or null while another gateway instance on the same database does.</summary>
    public Task<IAsyncDisposable?> TryLeaseAsync(CancellationToken cancellationToken) => uow.TryLeaseAsync("intake:mailbox", cancellationToken);

    /// <summary>The state of the message, or null when it was never answered.</summary>
    public async Task<MailState?> StateAsync(string messageKey, CancellationToken cancellationToken) =>
        await uow.ExecuteScalarAsync<string?>("SELECT state FROM mail_messages WHERE message_key = @messageKey", new { messageKey }, cancellationToken) is { } state
            ? StoredText.MailState(state)
            : null;

    /// <summary>Records that the reply went out; from now on the message is only moved.</summary>
    public Task MarkRepliedAsync(string messageKey, string sender, string? partner, Instant received, string replyId, CancellationToken cancellationToken) =>
        uow.ExecuteAsync(
            """
            INSERT INTO mail_messages (message_key, sender, partner, received_at, state, reply_id, updated_at)
            VALUES (@messageKey, @sender, @partner, @received, @state, @replyId, @now)
            ON CONFLICT (message_key) DO UPDATE SET state = @state, reply_id = @replyId, updated_at = @now
            """,
            new { messageKey, sender, partner, received = StoreFormats.Text(received), state = StoredText.Of(MailState.Replied), replyId, now = StoreFormats.Text(uow.Clock.GetCurrentInstant()) },
            cancellationToken);

    public Task MarkDoneAsync(string messageKey, CancellationToken cancellationToken) =>
        uow.ExecuteAsync(
            "UPDATE mail_messages SET state = @state, updated_at = @now WHERE message_key = @messageKey",
            new { messageKey, state = StoredText.Of(MailState.Done), now = StoreFormats.Text(uow.Clock.GetCurrentInstant()) },
            cancellationToken);
}

/// <summary>The <see cref="MailLedger"/> of a unit of work.</summary>
public static class MailLedgerAccess
{
    extension(IUnitOfWork uow)
    {
        /// <summary>The mail ledger: what became of each message, and the mailbox's lease.</summary>
        public MailLedger Mail => uow.Store(static u => new MailLedger(u));
    }
}
