using MimeKit;

namespace Integra.Gateway.Portal.Mail;

/// <summary>
/// The embedded default: each e-mail is written as one <c>.eml</c> file (RFC 5322, what a mail client opens) into
/// the outbox folder, for an operator or a mail relay to pick up. Written to a temporary name and renamed, so a
/// reader never sees half a message.
/// </summary>
public sealed class FolderMailer(string folder, string from, TimeProvider time) : IPortalMailer
{
    public async Task SendAsync(PortalMail mail, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var message = Build(mail, from);
        message.Date = time.GetUtcNow();
        var name = $"{time.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(folder, "." + name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(folder, name));
    }

    /// <summary>The MIME message of a portal e-mail: a text body and the attachments.</summary>
    public static MimeMessage Build(PortalMail mail, string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.AddRange(mail.To.Select(MailboxAddress.Parse));
        message.Subject = mail.Subject;
        var body = new BodyBuilder { TextBody = mail.Body };
        foreach (var file in mail.Attachments)
        {
            body.Attachments.Add(file.Name, file.Content, ContentType.Parse(file.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
