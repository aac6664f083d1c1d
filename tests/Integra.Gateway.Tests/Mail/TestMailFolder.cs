using Integra.Gateway.Mail;
using Integra.Gateway.Tests.Servers;
using MailKit;
using MailKit.Net.Imap;
using MimeKit;

namespace Integra.Gateway.Tests.Mail;

/// <summary>
/// A mailbox folder of one test's own on the shared Dovecot user, with its processed, error and quarantine folders
/// beside it: tests that break the store under a round keep away from the mail other tests leave in INBOX.
/// </summary>
internal sealed class TestMailFolder(TestServersFixture servers)
{
    public string Inbox { get; } = $"Own{Guid.NewGuid():N}";

    public string Processed => Inbox + "Processed";

    /// <summary>The servers' mail settings, reading and filing in this folder.</summary>
    public MailSettings Settings(TimeSpan? timeout = null)
    {
        var settings = servers.Mail();
        settings.Inbox = Inbox;
        settings.ProcessedFolder = Processed;
        settings.ErrorFolder = Inbox + "Error";
        settings.QuarantineFolder = Inbox + "Quarantine";
        settings.Timeout = timeout ?? settings.Timeout;
        return settings;
    }

    /// <summary>A request mail from Big Sky (a Montana sender of the sample data) with one LSR file for <paramref name="pon"/>.</summary>
    public static MimeMessage Request(string pon, string fileName, string tn)
    {
        var message = new MimeMessage { Subject = $"Port {pon}", MessageId = $"{Guid.NewGuid():N}@bigsky.test" };
        message.From.Add(MailboxAddress.Parse("lsr@bigsky-local.example"));
        message.To.Add(MailboxAddress.Parse("gateway@integra.test"));
        var body = new BodyBuilder { TextBody = "attached" };
        body.Attachments.Add(
            fileName,
            System.Text.Encoding.UTF8.GetBytes($"CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN\nBSK,{pon},00,BSKY,6201,D,CB,V,2026-03-04,4065550900,Y,A1004,59601,{tn}\n"),
            new ContentType("text", "csv"));
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>Puts <paramref name="message"/> into the folder (created on first use), as the partner's mail server would.</summary>
    public async Task Deliver(MimeMessage message)
    {
        using var client = await Client();
        IMailFolder folder;
        try
        {
            folder = await client.GetFolderAsync(Inbox);
        }
        catch (FolderNotFoundException)
        {
            folder = (await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(Inbox, isMessageFolder: true))!;
        }

        await folder.AppendAsync(new AppendRequest(message));
        await client.DisconnectAsync(true);
    }

    /// <summary>The Message-IDs in <paramref name="folderName"/> (none when it does not exist).</summary>
    public Task<IReadOnlyList<string>> MessageIdsIn(string folderName) => MessageIdsIn(servers, folderName);

    /// <summary>The Message-IDs in <paramref name="folderName"/> of the shared Dovecot user (none when it does not exist).</summary>
    public static async Task<IReadOnlyList<string>> MessageIdsIn(TestServersFixture servers, string folderName)
    {
        using var client = await Client(servers);
        try
        {
            var folder = await client.GetFolderAsync(folderName);
            await folder.OpenAsync(FolderAccess.ReadOnly);
            var summaries = await folder.FetchAsync(0, -1, MessageSummaryItems.Envelope);
            return summaries.Select(s => s.Envelope?.MessageId ?? string.Empty).ToList();
        }
        catch (FolderNotFoundException)
        {
            return [];
        }
    }

    private Task<ImapClient> Client() => Client(servers);

    /// <summary>A client signed in to the shared Dovecot user.</summary>
    public static async Task<ImapClient> Client(TestServersFixture servers)
    {
        var imap = servers.Mail().Imap;
        var client = new ImapClient();
        await client.ConnectAsync(imap.Host, imap.Port, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(imap.User!, imap.ReadPassword()!);
        return client;
    }
}
