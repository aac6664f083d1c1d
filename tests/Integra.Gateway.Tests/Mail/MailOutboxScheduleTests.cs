using System.Diagnostics;
using System.Text.Json;
using Integra.Gateway.Tests.Servers;
using MailKit.Net.Imap;
using MimeKit;
using Integra.Gateway.Storage.Ledgers;

namespace Integra.Gateway.Tests.Mail;

/// <summary>
/// Issue 24 item 5 on the real daemon process, Dovecot (with IDLE) and the SMTP receiver: an answer recorded by
/// another process reaches a mail partner within the mail channel's poll interval, not at the next new mail or
/// IDLE refresh.
/// </summary>
[Collection(TestServers.Name)]
public sealed class MailOutboxScheduleTests(TestServersFixture servers) : IDisposable
{
    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,EXP";
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private readonly TempDir _temp = new();

    [Fact]
    public async Task A_review_foc_from_the_cli_reaches_a_mail_partner_within_the_poll_interval_while_idle_waits()
    {
        var mail = servers.Mail();
        var database = _temp.File("gateway.db");
        var config = new
        {
            Gateway = new { DataDirectory = Repo.SampleData, Database = database },
            LocalDrop = new { Enabled = false },
            Lifecycle = new { SweepEnabled = false },
            Mail = new
            {
                Enabled = true,
                Imap = new { mail.Imap.Host, mail.Imap.Port, Security = "None", AllowPlaintext = true, mail.Imap.User, mail.Imap.PasswordFile },
                Smtp = new { mail.Smtp.Host, mail.Smtp.Port, Security = "None", AllowPlaintext = true },
                mail.From,
                PollInterval = PollInterval.ToString("c"),

                // IDLE alone would sit on the FOC for nine minutes: the refresh is not what delivers it.
                IdleRefresh = "00:09:00",
            },
        };
        var configFile = _temp.File("appsettings.json");
        await File.WriteAllTextAsync(configFile, JsonSerializer.Serialize(config));

        // An emailed expedite (EXP Y, DDD the day received): PND X01, waiting for the desk.
        var pon = $"MX-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";
        var message = new MimeMessage { Subject = $"Expedite {pon}", MessageId = $"{Guid.NewGuid():N}@bigsky.test" };
        message.From.Add(MailboxAddress.Parse("lsr@bigsky-local.example"));
        message.To.Add(MailboxAddress.Parse(mail.Imap.User!));
        var body = new BodyBuilder { TextBody = "expedite please" };
        body.Attachments.Add("expedite.lsr.csv", System.Text.Encoding.UTF8.GetBytes($"{Header}\nBSK,{pon},00,BSKY,6201,D,CB,V,2026-03-02,4065550900,Y,A1004,59601,4065550101,Y\n"), new ContentType("text", "csv"));
        message.Body = body.ToMessageBody();
        using (var client = new ImapClient())
        {
            await client.ConnectAsync(mail.Imap.Host, mail.Imap.Port, MailKit.Security.SecureSocketOptions.None);
            await client.AuthenticateAsync(mail.Imap.User!, mail.Imap.ReadPassword()!);
            await client.Inbox.AppendAsync(new MailKit.AppendRequest(message) { InternalDate = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(-7)) });
            await client.DisconnectAsync(true);
        }

        var log = _temp.File("daemon.log");
        using var daemon = Process.Start(new ProcessStartInfo("bash", ["-c", "exec dotnet \"$0\" run --config \"$1\" >\"$2\" 2>&1", Path.Combine(AppContext.BaseDirectory, "integra-gateway.dll"), configFile, log]))!;
        try
        {
            string Log() => File.Exists(log) ? File.ReadAllText(log) : string.Empty;
            Assert.True(await Eventually.Until(() => servers.RepliesTo(message).Count == 1, TimeSpan.FromSeconds(60)), "no PND reply; daemon log:\n" + Log());
            Assert.Contains($"PND,BSK,{pon},00,", SmtpReplies.Csv(servers.RepliesTo(message)[0], "expedite.lsr.resp.csv"), StringComparison.Ordinal);

            // The desk approves on the command line, in its own process, while the daemon waits in IDLE.
            var (code, output) = GatewayProcess.Run("review", "--data", Repo.SampleData, "--db", database, "--out", _temp.File("out"), "--now", "2026-03-02T11:00:00-07:00", "--partner", "BIGSKY", "--pon", pon, "--approve");
            Assert.True(code == 0, output);
            var reviewed = Stopwatch.StartNew();

            // Bound: the poll interval plus room for a busy machine to send one mail; far below the nine-minute refresh.
            var arrived = await Eventually.Until(() => servers.RepliesTo(message).Count == 2, PollInterval + TimeSpan.FromSeconds(20));
            Assert.True(arrived, $"no FOC reply {reviewed.Elapsed.TotalSeconds:F1} s after the review; daemon log:\n" + Log());
            var foc = Assert.Single(servers.RepliesTo(message), r => r.Attachments.OfType<MimePart>().Any(a => a.FileName == $"review-{pon}-00.resp.csv"));
            Assert.Contains($"FOC,BSK,{pon},00,", SmtpReplies.Csv(foc, $"review-{pon}-00.resp.csv"), StringComparison.Ordinal);
        }
        finally
        {
            if (!daemon.HasExited)
            {
                daemon.Kill(entireProcessTree: true);
                await daemon.WaitForExitAsync();
            }
        }
    }

    public void Dispose() => _temp.Dispose();
}
