using MailKit.Security;

namespace Integra.Gateway.Mail;

/// <summary>Maps settings to MailKit's socket options, refusing plain text unless explicitly allowed.</summary>
internal static class MailConnections
{
    public static SecureSocketOptions Options(MailServerSettings server) => server.Security switch
    {
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.None when server.AllowPlaintext => SecureSocketOptions.None,
        _ => throw new InvalidOperationException($"plain-text mail to {server.Location} needs AllowPlaintext=true (loopback test servers only)"),
    };

    /// <summary>A token that also fires after <paramref name="timeout"/>: an unbounded connect can hang forever.</summary>
    public static CancellationTokenSource Bounded(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(timeout);
        return source;
    }
}
