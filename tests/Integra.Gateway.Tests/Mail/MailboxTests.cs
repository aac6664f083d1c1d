using Integra.Gateway.Mail;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Resilience;
using Integra.Gateway.Storage.Sessions;
using Integra.Gateway.Tests.Servers;
using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using NodaTime;
using Integra.Gateway.Storage.Ledgers;

namespace Integra.Gateway.Tests.Mail;

/// <summary>The Montana mailbox against real Dovecot IMAP and a real SMTP receiver.</summary>
[Collection(TestServers.Name)]
public sealed class MailboxTests : IDisposable
{
    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN";
    private const string BigSky = "lsr@bigsky-local.example";
    private static readonly Rules.Reference.ReferenceData Data = ReferenceDataLoader.Load(Repo.SampleData);
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(-7));
    private readonly TestServersFixture _servers;
    private readonly TempDir _temp = new();
    private readonly IUnitOfWork _store;

    public MailboxTests(TestServersFixture servers)
    {
        _servers = servers;
        _store = TestStores.Open(_temp.File("gateway.db"), SystemClock.Instance);
    }

    private MailIntake Intake()
    {
        var settings = _servers.Mail();
        return new MailIntake(
            settings, Data, new RequestFileProcessor(Data, new PolicyOptions(), new Intake.IntakeLimits(), _store),
            _store.Mail, new ReplySender(settings), SystemClock.Instance, NullLogger.Instance,
            new StoreAvailability(new StoreDatabase(_temp.File("gateway.db")), NullLogger<StoreAvailability>.Instance));
    }

    private static MimeMessage Message(string from, string? fileName, string? csv, string subject = "LSR batch")
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"{Guid.NewGuid():N}@partner.test" };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("gateway@integra.test"));
        var body = new BodyBuilder { TextBody = "Please process the attached requests." };
        if (fileName is not null)
        {
            body.Attachments.Add(fileName, System.Text.Encoding.UTF8.GetBytes(csv!), new ContentType("text", "csv"));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    private async Task Deliver(MimeMessage message)
    {
        using var client = await Client();
        await client.Inbox.AppendAsync(new AppendRequest(message) { InternalDate = Monday });
        await client.DisconnectAsync(true);
    }

    private Task<ImapClient> Client() => TestMailFolder.Client(_servers);

    private Task<IReadOnlyList<string>> MessageIdsIn(string folderName) => TestMailFolder.MessageIdsIn(_servers, folderName);

    [Fact]
    public async Task A_montana_lsr_by_email_gets_a_reply_with_the_foc_file()
    {
        var message = Message(BigSky, "mt.lsr.csv", $"{Header}\nBSK,MT-1,00,BSKY,6201,D,CB,V,2026-03-04,4065550900,Y,A1004,59601,406-555-0101\n");
        await Deliver(message);
        using var intake = Intake();
        Assert.True(await intake.ProcessInboxAsync(default) >= 1);

        var reply = Assert.Single(_servers.RepliesTo(message));
        Assert.Equal([BigSky], reply.To.Mailboxes.Select(m => m.Address));
        Assert.Contains(message.MessageId, reply.References);
        Assert.Contains("FOC=1", reply.TextBody, StringComparison.Ordinal);
        var csv = SmtpReplies.Csv(reply, "mt.lsr.resp.csv");
        Assert.Contains("FOC,BSK,MT-1,00,", csv, StringComparison.Ordinal);
        Assert.Contains(",2026-03-04,", csv, StringComparison.Ordinal); // received Monday (INTERNALDATE), DDD honoured
        Assert.Contains(message.MessageId, await MessageIdsIn("Processed"));
    }

    [Fact]
    public async Task An_oregon_lsr_by_email_gets_R50()
    {
        var message = Message(BigSky, "or.lsr.csv", $"{Header}\nBSK,OR-1,00,BSKY,6201,D,CB,V,2026-03-04,4065550900,Y,A1001,97201,5035550101\n");
        await Deliver(message);
        using var intake = Intake();
        await intake.ProcessInboxAsync(default);
        var reply = Assert.Single(_servers.RepliesTo(message));
        Assert.Contains("REJ,BSK,OR-1,00,", SmtpReplies.Csv(reply, "or.lsr.resp.csv"), StringComparison.Ordinal);
        Assert.Contains(",R50,", SmtpReplies.Csv(reply, "or.lsr.resp.csv"), StringComparison.Ordinal);
        Assert.Contains("R50", reply.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_sender_gets_no_reply_and_lands_in_quarantine()
    {
        var message = Message("spammer@elsewhere.test", "x.lsr.csv", $"{Header}\nBSK,Q-1,00,BSKY,6201,D,CB,V,2026-03-04,4065550900,Y,A1004,59601,4065550101\n");
        await Deliver(message);
        using var intake = Intake();
        await intake.ProcessInboxAsync(default);
        Assert.Empty(_servers.RepliesTo(message));
        Assert.Contains(message.MessageId, await MessageIdsIn("Quarantine"));
    }

    [Fact]
    public async Task A_message_without_attachments_gets_the_format_reply_and_goes_to_error()
    {
        var message = Message(BigSky, null, null, "question about porting");
        await Deliver(message);
        using var intake = Intake();
        await intake.ProcessInboxAsync(default);
        var reply = Assert.Single(_servers.RepliesTo(message));
        Assert.Contains("*.lsr.csv", reply.TextBody, StringComparison.Ordinal);
        Assert.Empty(reply.Attachments);
        Assert.Contains(message.MessageId, await MessageIdsIn("Error"));
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_answered_once()
    {
        var message = Message(BigSky, "twice.lsr.csv", $"{Header}\nBSK,TW-1,00,BSKY,6201,D,CB,V,2026-03-04,4065550900,Y,A1004,59601,4065550101\n");
        await Deliver(message);
        await Deliver(message);
        using var intake = Intake();
        await intake.ProcessInboxAsync(default);
        Assert.Single(_servers.RepliesTo(message));

        // Delivered a third time later (or still in the inbox after a crash between reply and move).
        await Deliver(message);
        await intake.ProcessInboxAsync(default);
        Assert.Single(_servers.RepliesTo(message));
        Assert.Equal(3, (await MessageIdsIn("Processed")).Count(id => id == message.MessageId));
    }

    [Fact]
    public async Task The_imap_server_restarted_mid_session_is_survived()
    {
        using var intake = Intake();
        await intake.ProcessInboxAsync(default); // connected and idle-ready
        _servers.StopImap();
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => intake.ProcessInboxAsync(default));
        }
        finally
        {
            _servers.StartImap();
        }

        var message = Message(BigSky, "after.lsr.csv", $"{Header}\nBSK,RS-1,00,BSKY,6201,D,CB,V,2026-03-04,4065550900,Y,A1004,59601,4065550101\n");
        await Deliver(message);
        Assert.True(await intake.ProcessInboxAsync(default) >= 1);
        Assert.Single(_servers.RepliesTo(message));
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }
}
