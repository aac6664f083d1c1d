using Integra.Gateway.Hosting;
using Integra.Gateway.Intake;
using Integra.Gateway.Intake.Pipeline;
using Integra.Gateway.Mail;
using Integra.Gateway.Operations;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.PortalAccounts;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Resilience;
using Integra.Gateway.Storage.Sessions;
using Integra.Gateway.Tests.Servers;
using MailKit.Net.Imap;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using NodaTime;

namespace Integra.Gateway.Tests.Mail;

/// <summary>
/// Issue 14 on the real Dovecot and SMTP receiver: later answers to an emailed request reach the partner as a reply
/// in the request's thread, and the mailbox is seen by operations like every drop.
/// </summary>
[Collection(TestServers.Name)]
public sealed class MailAnswerTests(TestServersFixture servers) : IDisposable
{
    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,EXP";
    private const string BigSky = "lsr@bigsky-local.example";
    private static readonly Rules.Reference.ReferenceData Data = ReferenceDataLoader.Load(Repo.SampleData);
    private static readonly DateTimeOffset MondayMorning = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(-7));
    private readonly CliHarness _cli = new();
    private readonly CapturingLogger _log = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<GatewayMetrics>().BuildServiceProvider();

    /// <param name="store">The order store.</param>
    /// <param name="data">The reference data to decide with; the samples when null.</param>
    private MailIntake Mailbox(IUnitOfWork store, Rules.Reference.ReferenceData? data = null)
    {
        data ??= Data;
        var settings = servers.Mail();
        var processor = new RequestFileProcessor(data, new PolicyOptions(), new Intake.IntakeLimits(), store);
        var pipeline = new IntakePipeline(store, () => processor, _log, _services.GetRequiredService<GatewayMetrics>());
        return new MailIntake(settings, () => data, pipeline, store.Mail, new ReplySender(settings), SystemClock.Instance, _log, new StoreAvailability(new StoreDatabase(_cli.Db), NullLogger<StoreAvailability>.Instance));
    }

    private static MimeMessage Message(string pon, string fileName, string rows)
    {
        var message = new MimeMessage { Subject = $"Port {pon}", MessageId = $"{Guid.NewGuid():N}@bigsky.test" };
        message.From.Add(MailboxAddress.Parse(BigSky));
        message.To.Add(MailboxAddress.Parse("gateway@integra.test"));
        var body = new BodyBuilder { TextBody = "attached" };
        body.Attachments.Add(fileName, System.Text.Encoding.UTF8.GetBytes($"{Header}\n{rows}"), new ContentType("text", "csv"));
        message.Body = body.ToMessageBody();
        return message;
    }

    private async Task Deliver(MimeMessage message)
    {
        var imap = servers.Mail().Imap;
        using var client = new ImapClient();
        await client.ConnectAsync(imap.Host, imap.Port, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(imap.User!, imap.ReadPassword()!);
        await client.Inbox.AppendAsync(new MailKit.AppendRequest(message) { InternalDate = MondayMorning });
        await client.DisconnectAsync(true);
    }

    [Fact]
    public async Task An_emailed_lsr_pending_review_gets_the_review_foc_as_a_reply_in_the_same_thread()
    {
        var pon = $"MR-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";
        var message = Message(pon, "expedite.lsr.csv", $"BSK,{pon},00,BSKY,6201,D,CB,V,2026-03-02,4065550900,Y,A1004,59601,4065550101,Y\n");
        await Deliver(message);
        using (var store = TestStores.Open(_cli.Db, SystemClock.Instance))
        using (var mailbox = Mailbox(store))
        {
            await mailbox.ProcessInboxAsync(default);
        }

        var first = Assert.Single(servers.RepliesTo(message));
        Assert.Contains($"PND,BSK,{pon},00,", SmtpReplies.Csv(first, "expedite.lsr.resp.csv"), StringComparison.Ordinal);

        Assert.Equal(0, await _cli.Review("BIGSKY", pon, "2026-03-02T11:00:00-07:00", "--approve"));
        Assert.Contains($"FOC,BSK,{pon},00,", _cli.Text("BIGSKY", $"review-{pon}-00.resp.csv"), StringComparison.Ordinal); // the operator's copy

        using (var store = TestStores.Open(_cli.Db, SystemClock.Instance))
        using (var mailbox = Mailbox(store))
        {
            await mailbox.ProcessInboxAsync(default);
            await mailbox.ProcessInboxAsync(default); // delivered once: nothing waits any more
        }

        var replies = servers.RepliesTo(message);
        Assert.Equal(2, replies.Count);
        var foc = Assert.Single(replies, r => r.MessageId != first.MessageId);
        Assert.Equal([BigSky], foc.To.Mailboxes.Select(m => m.Address));
        Assert.Contains(message.MessageId, foc.References);
        Assert.Equal($"Re: Port {pon}", foc.Subject);
        var csv = SmtpReplies.Csv(foc, $"review-{pon}-00.resp.csv");
        Assert.Contains($"FOC,BSK,{pon},00,", csv, StringComparison.Ordinal);
        Assert.Contains(",2026-03-02,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_approved_in_the_portal_gets_its_first_emailed_file_answered_without_a_restart()
    {
        // The daemon's live reference source, over the store the portal's onboarding writes to.
        var portal = TestStores.Portal(_cli.Db); // migrated, as the daemon's host does at start
        var source = new ReferenceDataSource(Repo.SampleData, SystemClock.Instance, portal.ApprovedPartners);
        var sender = $"lsr-{Guid.NewGuid():N}@newco.example";
        var now = DateTimeOffset.UtcNow;
        var form = await portal.AddProfileAsync("page", new Portal.Onboarding.TradingPartnerProfile(), now, now.AddDays(3), default);
        var newco = new Rules.Reference.Partner("NEWCO", "NWCO", "New Carrier", Rules.Reference.PartnerType.Clec, [sender], null, null);
        Assert.True(await portal.ApproveProfileAsync(form.Id, newco, [new Portal.Accounts.NewPortalUser($"admin-{sender}", "Admin", Portal.Accounts.PortalRoles.PartnerAdmin, "NEWCO", Portal.Accounts.Privileges.None)], "desk@integra.test", now, default));

        Assert.True(source.Refresh()); // the watcher's next check
        var pon = $"NW-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";
        var message = Message(pon, "first.lsr.csv", $"NWCO,{pon},00,NWCO,6201,D,CB,V,2026-03-20,4065550900,Y,A1004,59601,4065550101,\n");
        message.From.Clear();
        message.From.Add(MailboxAddress.Parse(sender));
        await Deliver(message);
        using (var store = TestStores.Open(_cli.Db, SystemClock.Instance))
        using (var mailbox = Mailbox(store, source.Current))
        {
            await mailbox.ProcessInboxAsync(default);
        }

        var reply = Assert.Single(servers.RepliesTo(message));
        Assert.Equal([sender], reply.To.Mailboxes.Select(m => m.Address));
        Assert.Contains($",NWCO,{pon},00,", SmtpReplies.Csv(reply, "first.lsr.resp.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mailbox_logs_events_100_to_102_counts_its_files_and_is_in_status_and_health()
    {
        using var files = new MetricCollector<long>(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), GatewayMetrics.MeterName, "gateway.files");
        using var polls = new MetricCollector<double>(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), GatewayMetrics.MeterName, "gateway.poll.duration");
        var pon = $"EV-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";
        var message = Message(pon, "events.lsr.csv", $"BSK,{pon},00,BSKY,6201,D,CB,V,2026-03-04,4065550900,Y,A1004,59601,4065550101,\n");
        var body = new BodyBuilder { TextBody = "two files" };
        body.Attachments.Add("events.lsr.csv", System.Text.Encoding.UTF8.GetBytes($"{Header}\nBSK,{pon},00,BSKY,6201,D,CB,V,2026-03-04,4065550900,Y,A1004,59601,4065550101,\n"), new ContentType("text", "csv"));
        body.Attachments.Add("broken.lsr.csv", System.Text.Encoding.UTF8.GetBytes("CCNA,PON\n"), new ContentType("text", "csv"));
        message.Body = body.ToMessageBody();
        await Deliver(message);
        using (var store = TestStores.Open(_cli.Db, SystemClock.Instance))
        using (var mailbox = Mailbox(store))
        {
            await mailbox.ProcessInboxAsync(default);
        }

        Assert.Single(servers.RepliesTo(message));
        var answered = _log.Entries.Where(e => e.Id.Id == 100).ToList();
        Assert.Equal(["broken.lsr.csv", "events.lsr.csv"], answered.Select(e => e.Fields["File"]).Order());
        Assert.All(answered, e => Assert.Equal(("BIGSKY", "email"), (e.Fields["Partner"], e.Fields["Channel"])));
        Assert.Contains(_log.Entries, e => e.Id.Id == 101 && e.Fields["Pon"] == pon && e.Fields["Outcome"] == "FOC");
        Assert.Contains(_log.Entries, e => e.Id.Id == 102 && e.Fields["File"] == "broken.lsr.csv" && e.Fields["Code"] == "F02");
        Assert.All(_log.Entries.Where(e => e.Id.Id is 100 or 101 or 102), e => Assert.StartsWith("F", e.Scopes["CorrelationId"], StringComparison.Ordinal));
        Assert.Equal(["answered", "rejected"], files.GetMeasurementSnapshot().Where(m => (string?)m.Tags["channel"] == "email").Select(m => (string)m.Tags["result"]!).Order());
        Assert.Contains(polls.GetMeasurementSnapshot(), m => (string?)m.Tags["channel"] == "email" && (string?)m.Tags["result"] == "ok");

        using var reading = TestStores.Open(_cli.Db, SystemClock.Instance);
        var status = StatusReport.Read(reading, SystemClock.Instance.GetCurrentInstant());
        var row = Assert.Single(status.Channels, c => c.Channel == "email");
        Assert.Equal(MailIntake.MailboxPartner, row.Partner);
        Assert.NotNull(row.LastSuccessfulPoll);

        var mail = servers.Mail();
        mail.Enabled = true;
        var expected = HealthListener.Expectations(new Configuration.LocalDropSettings { Enabled = false }, new Drops.Sftp.SftpSettings(), Data, 3, mail);
        using var view = OperationsView.Open(_cli.Db);
        var health = Hosting.Health.ChannelHealthCheck.Evaluate(view.ChannelPolls(), expected, SystemClock.Instance.GetCurrentInstant());
        var channel = Assert.Single(expected);
        Assert.Equal((MailIntake.MailboxPartner, "email"), (channel.Partner, channel.Channel));
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, health.Status);
        Assert.StartsWith("ok", (string)health.Data[$"{MailIntake.MailboxPartner}/email"], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _services.Dispose();
        _cli.Dispose();
    }
}
