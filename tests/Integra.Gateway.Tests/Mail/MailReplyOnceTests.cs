using Dapper;
using Integra.Gateway.Mail;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.Resilience;
using Integra.Gateway.Storage.Sessions;
using Integra.Gateway.Tests.Servers;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using NodaTime;
using NodaTime.Testing;

namespace Integra.Gateway.Tests.Mail;

/// <summary>
/// Issue 25 item 5, on the real Dovecot and SMTP receiver: a reply is recorded as going out before it is sent, so a
/// gateway that stops between the SMTP server's acceptance and the record of the send never makes a second, new
/// reply: a later round waits out the sender's claim, then sends the very same message once more and says so.
/// </summary>
[Collection(TestServers.Name)]
public sealed class MailReplyOnceTests(TestServersFixture servers) : IDisposable
{
    private static readonly Rules.Reference.ReferenceData Data = ReferenceDataLoader.Load(Repo.SampleData);
    private readonly TempDir _temp = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 3, 2, 17, 0));
    private readonly CapturingLogger _log = new();

    private string Database => _temp.File("gateway.db");

    [Fact]
    public async Task A_reply_whose_send_was_never_recorded_is_sent_again_once_the_claim_is_over_and_is_the_same_message()
    {
        var folder = new TestMailFolder(servers);
        var message = TestMailFolder.Request("RO-1", "once.lsr.csv", "4065550171");
        await folder.Deliver(message);

        await StoppedBetweenSendAndRecord(folder);

        var sent = Assert.Single(servers.RepliesTo(message));
        using var restarted = TestStores.Open(Database, _clock);
        Assert.Equal(MailState.Replying, (await restarted.Mail.EntryAsync(MessageKeyOf(restarted), default))?.State);
        using var intake = Intake(restarted, folder);

        // Restarted within the claim: the reply may still be on its way from another round; nothing is decided or sent.
        await intake.ProcessInboxAsync(default);
        Assert.Single(servers.RepliesTo(message));
        Assert.Empty(await folder.MessageIdsIn(folder.Processed));

        _clock.Advance(intake.ReplyClaim + Duration.FromSeconds(1));
        await intake.ProcessInboxAsync(default);
        var replies = servers.RepliesTo(message);
        Assert.Equal(2, replies.Count);
        foreach (var again in replies)
        {
            Assert.Equal((sent.MessageId, sent.Date, sent.TextBody), (again.MessageId, again.Date, again.TextBody));
            Assert.Equal(SmtpReplies.Csv(sent, "once.lsr.resp.csv"), SmtpReplies.Csv(again, "once.lsr.resp.csv"));
        }

        Assert.Single(_log.Entries, e => e.Id.Name == "MailReplySentAgain" && e.Fields["ReplyId"] == sent.MessageId);
        Assert.Equal(MailState.Done, (await restarted.Mail.EntryAsync(MessageKeyOf(restarted), default))?.State);
        Assert.Contains(message.MessageId, await folder.MessageIdsIn(folder.Processed));

        // Done: never again.
        await folder.Deliver(message);
        await intake.ProcessInboxAsync(default);
        Assert.Equal(2, servers.RepliesTo(message).Count);
        Assert.Single(_log.Entries, e => e.Id.Name == "MailReplySentAgain");
    }

    [Fact]
    public async Task A_round_that_leaves_a_reply_to_another_round_waits_no_longer_than_the_claim()
    {
        var folder = new TestMailFolder(servers);
        var message = TestMailFolder.Request("RO-2", "wait.lsr.csv", "4065550172");
        await folder.Deliver(message);
        await StoppedBetweenSendAndRecord(folder);

        using var restarted = TestStores.Open(Database, _clock);
        using var intake = Intake(restarted, folder, TimeSpan.FromSeconds(2));
        await intake.ProcessInboxAsync(default);
        Assert.Single(servers.RepliesTo(message));

        // IDLE would wait nine minutes for new mail; the claim ends sooner: its 4 s less the 1 s already gone.
        _clock.Advance(Duration.FromSeconds(1));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        await intake.WaitForMailAsync(default);
        Assert.InRange(waited.Elapsed, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(6));
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// A round whose gateway stops between the SMTP server's acceptance and the record of the send: here the record
    /// fails for good (not a store outage, which is retried), and the gateway is gone with it.
    /// </summary>
    private async Task StoppedBetweenSendAndRecord(TestMailFolder folder)
    {
        using var store = TestStores.Open(Database, _clock);
        store.Connection.Execute("CREATE TRIGGER stopped_here BEFORE UPDATE ON mail_messages WHEN NEW.state = 'Replied' BEGIN SELECT RAISE(ABORT, 'the gateway stopped here'); END");
        using var first = Intake(store, folder);
        await Assert.ThrowsAnyAsync<Exception>(() => first.ProcessInboxAsync(default));
        store.Connection.Execute("DROP TRIGGER stopped_here");
    }

    private static string MessageKeyOf(IUnitOfWork store) =>
        store.Connection.ExecuteScalar<string>("SELECT message_key FROM mail_messages")!;

    private MailIntake Intake(IUnitOfWork store, TestMailFolder folder, TimeSpan? timeout = null)
    {
        var settings = folder.Settings(timeout);
        return new MailIntake(
            settings, Data, new RequestFileProcessor(Data, new PolicyOptions(), new Intake.IntakeLimits(), store), store.Mail,
            new ReplySender(settings), _clock, _log, new StoreAvailability(new StoreDatabase(Database), NullLogger<StoreAvailability>.Instance));
    }
}
