using MailKit.Net.Smtp;
using MimeKit;

namespace Integra.Gateway.Mail;

/// <summary>Sends replies by SMTP (MailKit): a connection per reply, every step bounded by the timeout.</summary>
/// <remarks>Throws <see cref="IOException"/>, <see cref="MailKit.Net.Smtp.SmtpCommandException"/>,
/// <see cref="MailKit.Net.Smtp.SmtpProtocolException"/> or <see cref="OperationCanceledException"/>; the message
/// then stays in the inbox and is tried again.</remarks>
public sealed class ReplySender(MailSettings settings)
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var bounded = MailConnections.Bounded(settings.Timeout, cancellationToken);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        var smtp = settings.Smtp;
        await client.ConnectAsync(smtp.Host, smtp.Port, MailConnections.Options(smtp), bounded.Token);
        if (!string.IsNullOrEmpty(smtp.User) && smtp.ReadPassword() is { } password)
        {
            await client.AuthenticateAsync(smtp.User, password, bounded.Token);
        }

        await client.SendAsync(message, bounded.Token);
        await client.DisconnectAsync(quit: true, bounded.Token);
    }
}
