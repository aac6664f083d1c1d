using Integra.Gateway.Mail;
using Integra.Gateway.Portal.Mail;

namespace Integra.Gateway.PortalHosting;

/// <summary>Portal e-mails through the gateway's SMTP server (<c>Mail:Smtp</c>), when <c>Portal:MailDelivery</c> is <c>smtp</c>.</summary>
public sealed class SmtpPortalMailer(MailSettings settings, string from) : IPortalMailer
{
    public Task SendAsync(PortalMail mail, CancellationToken cancellationToken) =>
        new ReplySender(settings).SendAsync(FolderMailer.Build(mail, from), cancellationToken);
}
