using Integra.Gateway.Mail;
using MimeKit;

namespace Integra.Gateway.Configuration.Checks;

/// <summary>What the <c>Mail</c> section needs beyond its attributes: a login for IMAP, safe transport, a sender address.</summary>
internal static class MailSettingsRules
{
    public static void Check(MailSettings s, SettingsCheck c)
    {
        Server("Mail:Imap", s.Imap, loginRequired: true, c);
        Server("Mail:Smtp", s.Smtp, loginRequired: false, c);
        if (!MailboxAddress.TryParse(s.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            c.Add("Mail:From", $"'{s.From}' is not a mail address");
        }

        c.NotBlank("Mail:Inbox", s.Inbox);
        c.NotBlank("Mail:ProcessedFolder", s.ProcessedFolder);
        c.NotBlank("Mail:ErrorFolder", s.ErrorFolder);
        c.NotBlank("Mail:QuarantineFolder", s.QuarantineFolder);
        c.Positive("Mail:PollInterval", s.PollInterval);
        c.Positive("Mail:IdleRefresh", s.IdleRefresh);
        c.Positive("Mail:Timeout", s.Timeout);
        c.AtLeast("Mail:MaxMessageBytes", s.MaxMessageBytes, 1);
    }

    private static void Server(string key, MailServerSettings server, bool loginRequired, SettingsCheck c)
    {
        if (server.Security == MailSecurity.None && !server.AllowPlaintext)
        {
            c.Add($"{key}:Security", $"None sends the password in plain text: only for loopback test servers, with {key}:AllowPlaintext=true");
        }

        if (loginRequired)
        {
            c.NotBlank($"{key}:User", server.User);
        }

        if (!string.IsNullOrEmpty(server.User) && string.IsNullOrEmpty(server.Password) && string.IsNullOrEmpty(server.PasswordFile))
        {
            c.Add(key, $"no password for {server.User}: set {key}:PasswordFile or the Password (from the environment)");
        }

        c.Readable($"{key}:PasswordFile", server.PasswordFile);
    }
}
