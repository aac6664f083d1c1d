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
        using var connection = await ConnectAsync(cancellationToken);
        await connection.SendAsync(message, cancellationToken);
    }

    /// <summary>
    /// Connects and signs in, sending nothing: a failure here leaves nothing in doubt, so a caller that records a reply
    /// as going out before it is sent connects first.
    /// </summary>
    public async Task<ReplyConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        using var bounded = MailConnections.Bounded(settings.Timeout, cancellationToken);
        var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            var smtp = settings.Smtp;
            await client.ConnectAsync(smtp.Host, smtp.Port, MailConnections.Options(smtp), bounded.Token);
            if (!string.IsNullOrEmpty(smtp.User) && smtp.ReadPassword() is { } password)
            {
                await client.AuthenticateAsync(smtp.User, password, bounded.Token);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return new ReplyConnection(client, settings.Timeout);
    }
}

/// <summary>An SMTP connection, signed in, for one reply.</summary>
public sealed class ReplyConnection(SmtpClient client, TimeSpan timeout) : IDisposable
{
    /// <summary>Hands <paramref name="message"/> to the server and says goodbye; returns once the server took it.</summary>
    /// <exception cref="SmtpCommandException">The server refused the message (it did not take it).</exception>
    /// <exception cref="IOException">The connection broke: the server may or may not have taken the message.</exception>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var bounded = MailConnections.Bounded(timeout, cancellationToken);
        await client.SendAsync(message, bounded.Token);
        try
        {
            await client.DisconnectAsync(quit: true, bounded.Token);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
        {
            // The server has taken the message: a QUIT it did not answer changes nothing, and reporting it as a failed
            // send would put a delivered reply in doubt.
        }
    }

    public void Dispose() => client.Dispose();
}
