using Dapper;
using NodaTime;

namespace Integra.Gateway.Storage;

/// <summary>How far the answer to one mail message got.</summary>
public enum MailState
{
    /// <summary>The reply went out; the message is still to be moved out of the inbox.</summary>
    Replied,

    /// <summary>Replied and moved: done.</summary>
    Done,
}

/// <summary>
/// What became of each mail message, keyed by Message-ID and the hash of its attachments, so that a message
/// delivered twice, or still in the inbox after a crash, is answered once.
/// </summary>
public sealed class MailLedger(OrderStore store, IClock clock)
{
    /// <summary>The store the ledger writes to, for callers that group its steps with the intake ledger's.</summary>
    public OrderStore Store => store;

    /// <summary>The right to work the mailbox now, or null while another gateway instance on the same database does.</summary>
    public IDisposable? TryLease() => store.TryLease("intake:mailbox");

    /// <summary>The state of the message, or null when it was never answered.</summary>
    public MailState? State(string messageKey) =>
        store.Connection.ExecuteScalar<string?>("SELECT state FROM mail_messages WHERE message_key = @messageKey", new { messageKey }, store.ActiveTransaction) is { } state
            ? StoredText.MailState(state)
            : null;

    /// <summary>Records that the reply went out; from now on the message is only moved.</summary>
    public void MarkReplied(string messageKey, string sender, string? partner, Instant received, string replyId) =>
        store.Connection.Execute(
            """
            INSERT INTO mail_messages (message_key, sender, partner, received_at, state, reply_id, updated_at)
            VALUES (@messageKey, @sender, @partner, @received, @state, @replyId, @now)
            ON CONFLICT (message_key) DO UPDATE SET state = @state, reply_id = @replyId, updated_at = @now
            """,
            new { messageKey, sender, partner, received = StoreFormats.Text(received), state = StoredText.Of(MailState.Replied), replyId, now = StoreFormats.Text(clock.GetCurrentInstant()) },
            store.ActiveTransaction);

    public void MarkDone(string messageKey) =>
        store.Connection.Execute(
            "UPDATE mail_messages SET state = @state, updated_at = @now WHERE message_key = @messageKey",
            new { messageKey, state = StoredText.Of(MailState.Done), now = StoreFormats.Text(clock.GetCurrentInstant()) },
            store.ActiveTransaction);
}
