using Integra.Gateway.Delivery;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;

namespace Integra.Gateway.Mail;

/// <summary>
/// The mailbox's way back: each waiting answer is a reply mail in the thread of the order's request, sent by SMTP.
/// An order filed before routes were kept has no thread: its answer is a new message to the partner's first listed
/// address (partners.csv EMAIL).
/// </summary>
internal sealed class MailDelivery(MailSettings settings, ReplyBuilder replies, ReplySender sender, Func<ReferenceData> data) : IDeliveryTransport
{
    public Channel Channel => Channel.Email;

    public string Location => settings.Smtp.Location;

    /// <exception cref="InvalidOperationException">The answer has no thread and its partner lists no address.</exception>
    public Task DeliverAsync(OutboxFile file, IReadOnlyList<ResponseRow> rows, CancellationToken cancellationToken)
    {
        var thread = file.Route?.Thread
            ?? (data().Partner(file.Partner)?.Emails is [var address, ..]
                ? new MailThread(address, null, string.Empty, "Integra response")
                : throw new InvalidOperationException($"{file.FileName} for {file.Partner}: no mail thread and no EMAIL in partners.csv"));
        return sender.SendAsync(replies.Later(file, rows, thread), cancellationToken);
    }
}
