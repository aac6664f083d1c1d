using System.ComponentModel.DataAnnotations;

namespace Integra.Gateway.Mail;

/// <summary>How to talk to a mail server: <c>SslOnConnect</c> (993/465), <c>StartTls</c> (143/587), or <c>None</c> (loopback tests only).</summary>
public enum MailSecurity
{
    SslOnConnect,
    StartTls,
    None,
}

/// <summary>One mail server endpoint and its login; the password from the environment or a secret file, never the repo.</summary>
public sealed class MailServerSettings
{
    [Required]
    public string Host { get; set; } = string.Empty;

    [Range(1, 65535)]
    public int Port { get; set; }

    public MailSecurity Security { get; set; } = MailSecurity.SslOnConnect;

    /// <summary>Must be true to use <see cref="MailSecurity.None"/>: plain text is for loopback test servers only.</summary>
    public bool AllowPlaintext { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    public string? PasswordFile { get; set; }

    public string? ReadPassword() =>
        Password ?? Configuration.SecretFile.Read(PasswordFile);

    public string Location => $"{Host}:{Port}";
}

/// <summary>The Montana mailbox channel (section <c>Mail</c>): IMAP intake, SMTP replies.</summary>
public sealed class MailSettings
{
    public bool Enabled { get; set; }

    public MailServerSettings Imap { get; set; } = new() { Port = 993 };

    public MailServerSettings Smtp { get; set; } = new() { Port = 587, Security = MailSecurity.StartTls };

    /// <summary>The address replies come from.</summary>
    public string From { get; set; } = "lsr-gateway@integra.example";

    public string FromName { get; set; } = "Integra LSR/CSR Gateway";

    public string Inbox { get; set; } = "INBOX";

    public string ProcessedFolder { get; set; } = "Processed";

    public string ErrorFolder { get; set; } = "Error";

    public string QuarantineFolder { get; set; } = "Quarantine";

    /// <summary>
    /// Poll interval when the server has no IDLE; with IDLE, how often the outbox is checked for answers recorded
    /// elsewhere (a review on the command line), so they reach the partner within it.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>IDLE is re-issued this often, well before servers drop idle sessions (RFC 2177: 29 minutes; many are stricter).</summary>
    public TimeSpan IdleRefresh { get; set; } = TimeSpan.FromMinutes(9);

    /// <summary>Bound on connecting and on every command.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Larger messages are not downloaded: they get the format reply and go to the error folder.</summary>
    public long MaxMessageBytes { get; set; } = 15L * 1024 * 1024;
}
