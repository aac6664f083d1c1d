using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Integra.Gateway.Storage.Migrations;
using Integra.Gateway.Tests.Mail;
using Integra.Gateway.Tests.Servers;
using MailKit.Net.Imap;
using MimeKit;
using Npgsql;
using Xunit.Abstractions;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 25 item 5: the gateway survives its database. Two `run` instances (local drop, Montana mailbox and portal)
/// on one PostgreSQL, the server restarted in immediate mode twice while they drain a backlog: neither stops, every
/// file is answered exactly once, every mail gets exactly one reply (sent once), and the portal's inbox worker and pages answer
/// again within 10 s of the server's return.
/// </summary>
[Collection(Postgres.Name)]
public sealed partial class StoreOutageTests(PostgresFixture pg, TestServersFixture servers, ITestOutputHelper output) : IDisposable
{
    private const int Files = 600;

    /// <summary>Mails per batch: one batch before the instances start, one before each restart (in flight during it).</summary>
    private const int MailBatch = 10;
    private const int Mails = 3 * MailBatch;
    private const string BigSky = "lsr@bigsky-local.example";
    private static readonly TimeSpan BackAgain = TimeSpan.FromSeconds(10);
    private readonly TempDir _temp = new();

    [SkippableFact]
    public async Task Two_instances_survive_postgresql_restarts_and_answer_every_file_exactly_once()
    {
        var database = pg.NewDatabase();
        SchemaMigrator.Migrate(database);
        var inbound = Path.Combine(_temp.Path, "drop", "ACME", "in");
        Directory.CreateDirectory(inbound);
        for (var i = 0; i < Files; i++)
        {
            var tn = (5035000000L + i).ToString(CultureInfo.InvariantCulture);
            await File.WriteAllTextAsync(
                Path.Combine(inbound, $"outage-{i:D4}.lsr.csv"),
                "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,MI,REMARKS\n"
                + $"ACM,OUT-{i},00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1001,97201,{tn},A,outage {i}\n");
        }

        // A folder of this test's own as the mailbox's inbox: the mail tests share the Dovecot user and its INBOX.
        var folder = $"Outage{Guid.NewGuid():N}";
        var mails = new List<MimeMessage>();
        await AppendMails(folder, mails, create: true);

        var outbound = Path.Combine(_temp.Path, "drop", "ACME", "out");
        var instances = new[] { "a", "b" }.Select(name => Instance.Start(_temp.Path, name, database, servers, folder)).ToList();
        try
        {
            foreach (var instance in instances)
            {
                Assert.True(await Eventually.Until(() => instance.Exited || instance.Log.Contains("Delivering portal answers every", StringComparison.Ordinal), TimeSpan.FromSeconds(60)), instance.Log);
            }

            for (var restart = 1; restart <= 2; restart++)
            {
                var before = Answered(outbound);
                Assert.True(await Eventually.Until(() => Answered(outbound) > before + 20, TimeSpan.FromSeconds(90)), Logs(instances));
                var atRestart = Answered(outbound);
                Assert.True(restart > 1 || atRestart < Files, "the first restart comes mid-drain");

                // Mails arriving just before the outage: some are read, decided or replied to as the server goes.
                await AppendMails(folder, mails, create: false);
                pg.Restart();
                output.WriteLine($"restart {restart}: {atRestart} of {Files} answered, server back after the restart command returned");
                var back = Stopwatch.StartNew();

                // A later answer for a portal order, recorded after the server's return: the inbox worker of one
                // instance delivers it on a fresh connection.
                var later = $"later-{restart}.resp.csv";
                await using (var connection = new NpgsqlConnection(Unpooled(database)))
                {
                    await connection.ExecuteAsync(
                        "INSERT INTO outbox (kind, partner, file_name, cells, created_at, channel) VALUES ('RESPONSE', 'ACME', @later, @cells, @now, 'portal')",
                        new { later, cells = JsonSerializer.Serialize(new[] { "FOC", "ACM", "OUT-0", "00", "IG00000001", "A1001", "5035000000", "P", "2026-03-10", "", "", "", "", "", "", "" }), now = NodaTime.Text.InstantPattern.ExtendedIso.Format(NodaTime.SystemClock.Instance.GetCurrentInstant()) });
                }

                Assert.True(await Eventually.Until(async () => await Delivered(database, later), BackAgain), $"the portal inbox did not get {later} within {BackAgain}\n{Logs(instances)}");
                foreach (var instance in instances)
                {
                    Assert.True(await Eventually.Until(() => instance.PortalAnswersAsync(), BackAgain - back.Elapsed + TimeSpan.FromSeconds(1)), $"portal {instance.Name} did not answer within {BackAgain}\n{instance.Log}");
                }
            }

            Assert.True(await Eventually.Until(() => Answered(outbound) == Files, TimeSpan.FromSeconds(180)), $"{Answered(outbound)} of {Files} answered\n{Logs(instances)}");
            Assert.Equal(Mails, mails.Count);
            Assert.True(
                await Eventually.Until(() => mails.All(m => servers.RepliesTo(m).Count > 0), TimeSpan.FromSeconds(60)),
                $"{mails.Count(m => servers.RepliesTo(m).Count > 0)} of {Mails} mails answered\n{Logs(instances)}");

            // One reply per request mail, sent once, carrying its file's answer. SMTP has no transaction with the
            // store: the reply is recorded as going out before it is sent and as sent after, a restart under that
            // record is waited out, and a round finding a reply going out leaves it to the round that sends it.
            foreach (var mail in mails)
            {
                var reply = Assert.Single(servers.RepliesTo(mail));
                Assert.Equal([BigSky], reply.To.Mailboxes.Select(m => m.Address));
                Assert.Contains($",BSK,{mail.Subject!["Port ".Length..]},00,", SmtpReplies.Csv(reply, "outage.lsr.resp.csv"), StringComparison.Ordinal);
            }

            // Exactly once: one answer file per request file (a second would be a numbered copy), one version each.
            Assert.Equal(Files, Directory.GetFiles(outbound).Length);
            await using (var connection = new NpgsqlConnection(Unpooled(database)))
            {
                Assert.Equal(Files + Mails, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM versions"));
                Assert.Equal(Files + Mails, await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT order_id) FROM versions"));
            }

            foreach (var instance in instances)
            {
                Assert.False(instance.Exited, $"instance {instance.Name} stopped\n{instance.Log}");
                var log = instance.Log;
                Assert.DoesNotContain("Delivering portal answers failed", log, StringComparison.Ordinal);

                // Neither instance died: no reply was ever in doubt, so none was sent again.
                Assert.DoesNotContain("\"MailReplySentAgain\"", log, StringComparison.Ordinal);
                output.WriteLine($"{instance.Name}: {Count(log, "a store outage ended its lease")} mailbox round(s) ended early, {Count(log, "its reply is going out from another round")} message(s) left to another round's reply");
                Assert.Contains("Watching mailbox", log, StringComparison.Ordinal);

                // An outage seen is told once, and its end once.
                Assert.True(await Eventually.Until(() => Count(instance.Log, "\"StoreUnavailable\"") == Count(instance.Log, "\"StoreRecovered\""), BackAgain), instance.Log);
            }

            Assert.Contains(instances, i => Count(i.Log, "\"StoreUnavailable\"") > 0);
            foreach (var instance in instances)
            {
                foreach (var line in instance.Log.Split('\n').Where(l => l.Contains("\"Store", StringComparison.Ordinal) || l.Contains("\"@l\":\"Error\"", StringComparison.Ordinal)))
                {
                    output.WriteLine($"{instance.Name}: {line}");
                }
            }
        }
        finally
        {
            foreach (var instance in instances)
            {
                instance.Dispose();
            }
        }
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// Appends the next <see cref="MailBatch"/> request mails from Big Sky (a sender of the sample reference data) to
    /// <paramref name="folder"/>, each with one file for a TN of its own.
    /// </summary>
    private async Task AppendMails(string folder, List<MimeMessage> mails, bool create)
    {
        var imap = servers.Mail().Imap;
        using var client = new ImapClient();
        await client.ConnectAsync(imap.Host, imap.Port, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(imap.User!, imap.ReadPassword()!);
        var inbox = create
            ? await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(folder, isMessageFolder: true)
            : await client.GetFolderAsync(folder);
        for (var i = 0; i < MailBatch; i++)
        {
            var n = mails.Count;
            var pon = $"OM-{n:D3}";
            var message = new MimeMessage { Subject = $"Port {pon}", MessageId = $"{Guid.NewGuid():N}@bigsky.test" };
            message.From.Add(MailboxAddress.Parse(BigSky));
            message.To.Add(MailboxAddress.Parse(imap.User!));
            var body = new BodyBuilder { TextBody = "attached" };
            var tn = (4065560000L + n).ToString(CultureInfo.InvariantCulture);
            body.Attachments.Add(
                "outage.lsr.csv",
                System.Text.Encoding.UTF8.GetBytes($"CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN\nBSK,{pon},00,BSKY,6201,D,CB,V,2026-03-04,4065550900,Y,A1004,59601,{tn}\n"),
                new ContentType("text", "csv"));
            message.Body = body.ToMessageBody();
            await inbox!.AppendAsync(new MailKit.AppendRequest(message));
            mails.Add(message);
        }

        await client.DisconnectAsync(true);
    }

    /// <summary>The test's own reads: never a pooled connection that the restart broke.</summary>
    private static string Unpooled(string database) => new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString;

    private static int Answered(string outbound) => Directory.Exists(outbound) ? Directory.GetFiles(outbound, "*.resp.csv").Length : 0;

    private static int Count(string text, string what) => Regex.Count(text, Regex.Escape(what));

    private static string Logs(IEnumerable<Instance> instances) => string.Join(Environment.NewLine, instances.Select(i => $"--- {i.Name}{Environment.NewLine}{i.Log}"));

    private static async Task<bool> Delivered(string database, string fileName)
    {
        try
        {
            await using var connection = new NpgsqlConnection(Unpooled(database));
            return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM portal_inbox WHERE file_name = @fileName", new { fileName }) == 1;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private sealed class Instance : IDisposable
    {
        private readonly Process _process;
        private readonly string _log;
        private readonly string _url;

        private Instance(string name, Process process, string log, string url)
        {
            Name = name;
            _process = process;
            _log = log;
            _url = url;
        }

        public string Name { get; }

        public bool Exited => _process.HasExited;

        public string Log
        {
            get
            {
                using var stream = new FileStream(_log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                return new StreamReader(stream).ReadToEnd();
            }
        }

        public static Instance Start(string dir, string name, string database, TestServersFixture servers, string folder)
        {
            var port = FreePort();
            var mail = servers.Mail();
            var config = new
            {
                Gateway = new { DataDirectory = Repo.SampleData, Database = database },
                LocalDrop = new { Enabled = true, Root = Path.Combine(dir, "drop"), SeedFrom = "", PollInterval = "00:00:00.200", QuietPeriod = "00:00:00" },
                Lifecycle = new { SweepEnabled = false, NpacOutbox = Path.Combine(dir, "npac-" + name) },
                PortalInbox = new { DeliveryInterval = "00:00:01" },
                Mail = new
                {
                    Enabled = true,
                    Imap = new { mail.Imap.Host, mail.Imap.Port, Security = "None", AllowPlaintext = true, mail.Imap.User, mail.Imap.PasswordFile },
                    Smtp = new { mail.Smtp.Host, mail.Smtp.Port, Security = "None", AllowPlaintext = true },
                    mail.From,
                    Inbox = folder,
                    ProcessedFolder = folder + "Processed",
                    ErrorFolder = folder + "Error",
                    QuarantineFolder = folder + "Quarantine",
                    PollInterval = "00:00:00.200",
                },
            };
            var configFile = Path.Combine(dir, $"appsettings-{name}.json");
            File.WriteAllText(configFile, JsonSerializer.Serialize(config));
            var log = Path.Combine(dir, $"instance-{name}.log");
            var start = new ProcessStartInfo("bash", ["-c", "exec dotnet \"$0\" run --config \"$1\" >\"$2\" 2>&1", Path.Combine(AppContext.BaseDirectory, "integra-gateway.dll"), configFile, log]);
            start.Environment["INTEGRA_Portal__Enabled"] = "true";
            start.Environment["INTEGRA_Portal__Listen"] = $"http://127.0.0.1:{port}";
            start.Environment["INTEGRA_Portal__MailOutbox"] = Path.Combine(dir, "portal-mail-" + name);
            start.Environment["INTEGRA_Portal__AccessRequestFolder"] = Path.Combine(dir, "access-requests-" + name);
            File.WriteAllText(log, string.Empty);
            return new Instance(name, Process.Start(start)!, log, $"http://127.0.0.1:{port}");
        }

        /// <summary>A sign-in with an unknown address: the page reads the store and answers "no" (not an error page).</summary>
        public async Task<bool> PortalAnswersAsync()
        {
            try
            {
                using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(_url), Timeout = TimeSpan.FromSeconds(5) };
                var page = await client.GetStringAsync("/Account/SignIn");
                var token = TokenField().Match(page);
                if (!token.Success)
                {
                    return false;
                }

                using var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["email"] = "nobody@acme.example",
                    ["password"] = "not a password",
                    ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
                });
                using var answer = await client.PostAsync("/Account/SignIn", form);
                return (int)answer.StatusCode < 500;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
