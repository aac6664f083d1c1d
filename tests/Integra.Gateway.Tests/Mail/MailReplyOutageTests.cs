using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Integra.Gateway.Mail;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.Migrations;
using Integra.Gateway.Storage.Resilience;
using Integra.Gateway.Tests.Servers;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NodaTime;

namespace Integra.Gateway.Tests.Mail;

/// <summary>
/// Issue 25 item 5 on a real PostgreSQL, Dovecot and SMTP receiver: the record of a sent reply meets the database
/// going away. While the gateway lives, it waits the outage out and the reply goes once; when the gateway itself dies
/// between the SMTP server's acceptance and that record (the one window SMTP leaves), the restarted gateway sends the
/// same message again, once, and says so.
/// </summary>
/// <remarks>
/// In the servers collection, with a PostgreSQL of its own: the collection's tests run one after the other, so no
/// other test stops the IMAP server under these (the PostgreSQL collection runs beside the servers collection).
/// </remarks>
[Collection(TestServers.Name)]
public sealed class MailReplyOutageTests(PostgresFixture pg, TestServersFixture servers) : IClassFixture<PostgresFixture>, IDisposable
{
    private static readonly Rules.Reference.ReferenceData Data = ReferenceDataLoader.Load(Repo.SampleData);
    private readonly TempDir _temp = new();

    [SkippableFact]
    public async Task The_record_of_a_sent_reply_waits_out_its_connection_s_end_and_the_reply_goes_once()
    {
        var database = pg.NewDatabase();
        SchemaMigrator.Migrate(database);

        // The server ends the session in the middle of the record, once, as a restart or fail-over would.
        await Execute(database, """
            CREATE SEQUENCE marks;
            CREATE FUNCTION end_session_once() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF nextval('marks') = 1 THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER end_session_once BEFORE UPDATE ON mail_messages FOR EACH ROW WHEN (NEW.state = 'Replied') EXECUTE FUNCTION end_session_once();
            """);
        var folder = new TestMailFolder(servers);
        var message = TestMailFolder.Request("RP-1", "outage.lsr.csv", "4065550181");
        await folder.Deliver(message);

        var settings = folder.Settings();
        using var store = TestStores.Open(database, SystemClock.Instance);
        using var intake = new MailIntake(
            settings, Data, new RequestFileProcessor(Data, new PolicyOptions(), new Intake.IntakeLimits(), store), store.Mail,
            new ReplySender(settings), SystemClock.Instance, NullLogger.Instance, new StoreAvailability(new StoreDatabase(database), NullLogger<StoreAvailability>.Instance));

        // The round survives: the record is retried on a fresh connection. The lease went with the old one, so the
        // round ends there, and the next one moves the message.
        await intake.ProcessInboxAsync(default);
        Assert.Equal(2, await Scalar<long>(database, "SELECT last_value FROM marks"));
        Assert.Equal("Replied", await Scalar<string>(database, "SELECT state FROM mail_messages"));
        await intake.ProcessInboxAsync(default);

        Assert.Single(servers.RepliesTo(message));
        Assert.Contains(message.MessageId, await folder.MessageIdsIn(folder.Processed));
        Assert.Equal("Done", await Scalar<string>(database, "SELECT state FROM mail_messages"));
    }

    [SkippableFact]
    public async Task A_gateway_killed_between_the_send_and_its_record_is_followed_by_the_same_reply_once_more_never_a_new_one()
    {
        var database = pg.NewDatabase();
        SchemaMigrator.Migrate(database);

        // The record of the send waits (for the test to kill the gateway in it).
        await Execute(database, """
            CREATE FUNCTION hold_the_record() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(300); RETURN NEW; END $$;
            CREATE TRIGGER hold_the_record BEFORE UPDATE ON mail_messages FOR EACH ROW WHEN (NEW.state = 'Replied') EXECUTE FUNCTION hold_the_record();
            """);
        var folder = new TestMailFolder(servers);
        var message = TestMailFolder.Request("RK-1", "killed.lsr.csv", "4065550182");
        await folder.Deliver(message);

        var environment = DaemonSettings(database, folder);
        using (var first = new DaemonProcess(_temp.File("first"), environment))
        {
            Assert.True(
                await Eventually.Until(async () => servers.RepliesTo(message).Count == 1 && await Scalar<string>(database, "SELECT state FROM mail_messages") == "Replying", DaemonProcess.Patience),
                $"no reply going out: {first.Output} {first.Error}");
            await first.Signal("KILL");
            await first.Exited();
        }

        // What the killed gateway left: its session (in the held record) ends, and the record no longer waits.
        await Execute(database, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        await Execute(database, "DROP TRIGGER hold_the_record ON mail_messages");
        Assert.Equal("Replying", await Scalar<string>(database, "SELECT state FROM mail_messages"));

        using var second = new DaemonProcess(_temp.File("second"), environment);
        Assert.True(
            await Eventually.Until(async () => (await folder.MessageIdsIn(folder.Processed)).Contains(message.MessageId), DaemonProcess.Patience),
            $"the message was not finished: {second.Output} {second.Error}");

        var replies = servers.RepliesTo(message);
        Assert.Equal(2, replies.Count);
        Assert.All(replies, r => Assert.Equal((replies[0].MessageId, replies[0].Date, replies[0].TextBody), (r.MessageId, r.Date, r.TextBody)));
        Assert.All(replies, r => Assert.Equal(SmtpReplies.Csv(replies[0], "killed.lsr.resp.csv"), SmtpReplies.Csv(r, "killed.lsr.resp.csv")));
        Assert.Equal(1, Regex.Count(second.Output, "\"MailReplySentAgain\""));
        Assert.Equal("Done", await Scalar<string>(database, "SELECT state FROM mail_messages"));
        Assert.Equal(1L, await Scalar<long>(database, "SELECT COUNT(*) FROM versions"));
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>The mailbox settings of a daemon on <paramref name="database"/> reading <paramref name="folder"/>.</summary>
    private static Dictionary<string, string> DaemonSettings(string database, TestMailFolder folder)
    {
        var mail = folder.Settings(TimeSpan.FromSeconds(3));
        return new Dictionary<string, string>
        {
            ["INTEGRA_Gateway__Database"] = database,
            ["INTEGRA_LocalDrop__Enabled"] = "false",
            ["INTEGRA_Mail__Enabled"] = "true",
            ["INTEGRA_Mail__Imap__Host"] = mail.Imap.Host,
            ["INTEGRA_Mail__Imap__Port"] = mail.Imap.Port.ToString(CultureInfo.InvariantCulture),
            ["INTEGRA_Mail__Imap__Security"] = "None",
            ["INTEGRA_Mail__Imap__AllowPlaintext"] = "true",
            ["INTEGRA_Mail__Imap__User"] = mail.Imap.User!,
            ["INTEGRA_Mail__Imap__PasswordFile"] = mail.Imap.PasswordFile!,
            ["INTEGRA_Mail__Smtp__Host"] = mail.Smtp.Host,
            ["INTEGRA_Mail__Smtp__Port"] = mail.Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["INTEGRA_Mail__Smtp__Security"] = "None",
            ["INTEGRA_Mail__Smtp__AllowPlaintext"] = "true",
            ["INTEGRA_Mail__From"] = mail.From,
            ["INTEGRA_Mail__Inbox"] = mail.Inbox,
            ["INTEGRA_Mail__ProcessedFolder"] = mail.ProcessedFolder,
            ["INTEGRA_Mail__ErrorFolder"] = mail.ErrorFolder,
            ["INTEGRA_Mail__QuarantineFolder"] = mail.QuarantineFolder,
            ["INTEGRA_Mail__PollInterval"] = "00:00:00.200",
            ["INTEGRA_Mail__Timeout"] = mail.Timeout.ToString("c", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The test's own statements: never a pooled connection (one may be the session the test ends).</summary>
    private static async Task Execute(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
        await connection.ExecuteAsync(sql);
    }

    private static async Task<T?> Scalar<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
        return await connection.ExecuteScalarAsync<T>(sql);
    }
}
