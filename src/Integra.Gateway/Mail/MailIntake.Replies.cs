using Integra.Gateway.Intake.Pipeline;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Resilience;
using MimeKit;
using NodaTime;

namespace Integra.Gateway.Mail;

/// <summary>
/// The reply's bookkeeping (issue 25 item 5): recorded as going out, with its MIME bytes, before it is sent; recorded
/// as sent after, through a store outage; sent again, the same bytes, only when its sender died in between.
/// </summary>
public sealed partial class MailIntake
{
    /// <summary>
    /// How long a reply recorded as going out (<see cref="MailState.Replying"/>) is left to the round that sends it:
    /// twice <see cref="MailSettings.Timeout"/>, which bounds that round's SMTP send, while its record of the send is
    /// retried within seconds of the store's return. A reply still going out after that was sent by a gateway that
    /// stopped before it could record the send: the round then sends the same message again, once.
    /// </summary>
    public Duration ReplyClaim => Duration.FromTimeSpan(settings.Timeout * 2);

    /// <summary>
    /// Sends <paramref name="pending"/>'s reply once: connected to the SMTP server first (a failure there sends nothing),
    /// recorded as going out with its MIME bytes, sent, and recorded as sent (<see cref="RecordSentAsync"/>). A reply
    /// the server refused is forgotten (nothing went out: the next round answers the message); a connection that
    /// broke mid-send leaves it going out, in doubt, for a later round to send again (<see cref="ReplyClaim"/>).
    /// </summary>
    /// <returns>Whether the round may go on (<see cref="RecordSentAsync"/>).</returns>
    private async Task<bool> ReplyOnceAsync(PendingReply pending, IReadOnlyList<IntakeItem> items, CancellationToken bounded, CancellationToken cancellationToken)
    {
        using var smtp = await sender.ConnectAsync(bounded);

        // Fixed before it is kept: the transfer encodings the SMTP client would choose are chosen now, so the bytes
        // kept are the bytes that go out, and the same again if they must be sent again.
        pending.Reply.Prepare(EncodingConstraint.SevenBit);
        using (var kept = new MemoryStream())
        {
            await pending.Reply.WriteToAsync(kept, bounded);
            var replying = await ledger.UnitOfWork.BeginAsync(cancellationToken);
            await using (replying)
            {
                await ledger.MarkReplyingAsync(pending.Key, pending.Sender, pending.Partner, pending.Received, pending.Reply.MessageId ?? string.Empty, kept.ToArray(), cancellationToken);
                await replying.CommitAsync(cancellationToken);
            }
        }

        try
        {
            await smtp.SendAsync(pending.Reply, bounded);
        }
        catch (MailKit.Net.Smtp.SmtpCommandException)
        {
            var forget = await ledger.UnitOfWork.BeginAsync(cancellationToken);
            await using (forget)
            {
                await ledger.ForgetAsync(pending.Key, cancellationToken);
                await forget.CommitAsync(cancellationToken);
            }

            throw;
        }

        return await RecordSentAsync(pending.Key, items, cancellationToken);
    }

    /// <summary>
    /// Sends a reply found going out again, the same bytes, and records it as sent. Claimed first, as a first send is
    /// by its record: a round that finds it while this one sends (its lease lost to a store outage) leaves it alone.
    /// </summary>
    /// <returns>Whether the round may go on (<see cref="RecordSentAsync"/>).</returns>
    private async Task<bool> SendAgainAsync(string key, MimeMessage reply, IReadOnlyList<IntakeItem> items, CancellationToken bounded, CancellationToken cancellationToken)
    {
        using (var smtp = await sender.ConnectAsync(bounded))
        {
            var claim = await ledger.UnitOfWork.BeginAsync(cancellationToken);
            await using (claim)
            {
                await ledger.ClaimAgainAsync(key, cancellationToken);
                await claim.CommitAsync(cancellationToken);
            }

            await smtp.SendAsync(reply, bounded);
        }

        return await RecordSentAsync(key, items, cancellationToken);
    }

    /// <summary>
    /// Records that the reply went out, with the files' ledger step, in one unit of work. The reply has gone: a store
    /// outage here must not lose that, or a later round would find it in doubt and send it again. So a transient
    /// failure is retried (<see cref="StoreAvailability"/>, on a fresh connection) until the store answers again; only
    /// a stop request ends the wait.
    /// </summary>
    /// <returns>
    /// Whether the round may go on: false when the record needed a retry, because the connection that broke held the
    /// mailbox's lease (a session lock), and another instance may work the mailbox now.
    /// </returns>
    private async Task<bool> RecordSentAsync(string key, IReadOnlyList<IntakeItem> items, CancellationToken cancellationToken)
    {
        var attempts = 0;
        await availability.RunAsync(
            "recording a sent mail reply",
            async token =>
            {
                attempts++;
                var sent = await ledger.UnitOfWork.BeginAsync(token);
                await using (sent)
                {
                    await ledger.MarkRepliedAsync(key, token);
                    await pipeline.AnsweredAsync(items, token);
                    await sent.CommitAsync(token);
                }

                return attempts;
            },
            attempts: int.MaxValue,
            cancellationToken);
        return attempts == 1;
    }

    /// <summary>A reply about to go out, with what its ledger record keeps.</summary>
    private sealed record PendingReply(string Key, string Sender, string Partner, Instant Received, MimeMessage Reply);
}
