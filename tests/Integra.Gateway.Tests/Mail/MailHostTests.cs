using System.Text.Json;
using Integra.Gateway.Hosting;
using Integra.Gateway.Tests.Servers;
using MailKit.Net.Imap;
using Microsoft.Extensions.Hosting;
using MimeKit;
using Integra.Gateway.Storage.Ledgers;

namespace Integra.Gateway.Tests.Mail;

/// <summary>The daemon with the mailbox configured from a settings file and the password from a secret file.</summary>
[Collection(TestServers.Name)]
public sealed class MailHostTests(TestServersFixture servers) : IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public async Task The_daemon_answers_a_montana_email()
    {
        var mail = servers.Mail();
        var config = new
        {
            Gateway = new { DataDirectory = Repo.SampleData, Database = _temp.File("gateway.db") },
            Logging = new { File = new { Path = _temp.File("gateway.log") } },
            LocalDrop = new { Enabled = false },
            Lifecycle = new { SweepEnabled = false },
            Mail = new
            {
                Enabled = true,
                Imap = new { mail.Imap.Host, mail.Imap.Port, Security = "None", AllowPlaintext = true, mail.Imap.User, mail.Imap.PasswordFile },
                Smtp = new { mail.Smtp.Host, mail.Smtp.Port, Security = "None", AllowPlaintext = true },
                mail.From,
                PollInterval = "00:00:00.200",
            },
        };
        var configFile = _temp.File("appsettings.json");
        await File.WriteAllTextAsync(configFile, JsonSerializer.Serialize(config));

        var message = new MimeMessage { Subject = "MT port", MessageId = $"{Guid.NewGuid():N}@bigsky.test" };
        message.From.Add(MailboxAddress.Parse("lsr@bigsky-local.example"));
        message.To.Add(MailboxAddress.Parse(mail.Imap.User!));
        var body = new BodyBuilder { TextBody = "attached" };
        body.Attachments.Add("daemon.lsr.csv", "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN\nBSK,DM-1,00,BSKY,6201,D,CB,V,2026-03-04,4065550900,Y,A1004,59601,4065550101\n"u8.ToArray(), new ContentType("text", "csv"));
        message.Body = body.ToMessageBody();
        using (var client = new ImapClient())
        {
            await client.ConnectAsync(mail.Imap.Host, mail.Imap.Port, MailKit.Security.SecureSocketOptions.None);
            await client.AuthenticateAsync(mail.Imap.User!, mail.Imap.ReadPassword()!);
            await client.Inbox.AppendAsync(new MailKit.AppendRequest(message));
            await client.DisconnectAsync(true);
        }

        using var host = GatewayHost.Build(configFile);
        await host.StartAsync();
        try
        {
            var replies = Path.Combine(servers.SmtpMaildir, "new");
            MimeMessage? reply = null;
            await Eventually.Until(
                () => (reply = Directory.GetFiles(replies).Select(f => MimeMessage.Load(f)).FirstOrDefault(m => m.InReplyTo == message.MessageId)) is not null,
                TimeSpan.FromSeconds(30));

            Assert.True(reply is not null, "no reply within 30 s; gateway log:\n" + string.Join('\n', Directory.GetFiles(_temp.Path, "gateway*.log").Select(File.ReadAllText)));
            Assert.Contains("FOC=1", reply!.TextBody, StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public void Dispose() => _temp.Dispose();
}
