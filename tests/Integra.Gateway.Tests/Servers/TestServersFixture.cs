using Integra.Gateway.Drops.Sftp;
using Integra.Gateway.Mail;
using Integra.Gateway.Storage.Ledgers;

namespace Integra.Gateway.Tests.Servers;

/// <summary>
/// Real servers on loopback ports — OpenSSH sshd, Dovecot IMAP, an aiosmtpd SMTP receiver — started once for the
/// collection by the project's script.
/// </summary>
/// <remarks>
/// One set of servers for the whole run, however many collections take this fixture (the servers collection, and the
/// PostgreSQL collection for the store outage test): xunit makes one fixture per collection, so the first one starts
/// the servers and the last one disposed stops them. Tests that share them keep apart by their own mailbox folders
/// and Message-IDs.
/// </remarks>
public sealed class TestServersFixture : IDisposable
{
    private static readonly Lock Gate = new();
    private static TempDir? _dir;
    private static IReadOnlyDictionary<string, string>? _env;
    private static int _users;
    private readonly string _path;
    private bool _disposed;

    public TestServersFixture()
    {
        lock (Gate)
        {
            if (_users == 0)
            {
                _dir = new TempDir();
                TestServerScript.Run("start", _dir.Path);
                _env = File.ReadAllLines(Path.Combine(_dir.Path, "servers.env"))
                    .Select(l => l.Split('=', 2))
                    .ToDictionary(p => p[0], p => p[1]);
            }

            _users++;
            _path = _dir!.Path;
            Env = _env!;
        }
    }

    public IReadOnlyDictionary<string, string> Env { get; }

    public string Root => Env["SFTP_ROOT"];

    /// <summary>Settings for a partner whose folders live under <paramref name="root"/> on the server.</summary>
    public SftpPartnerSettings Settings(string root, string? hostKey = null)
    {
        foreach (var folder in new[] { "in", "out", "archive", "error" })
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }

        return new SftpPartnerSettings
        {
            Host = Env["SFTP_HOST"],
            Port = int.Parse(Env["SFTP_PORT"], System.Globalization.CultureInfo.InvariantCulture),
            User = Env["SFTP_USER"],
            PrivateKeyFile = Env["SFTP_KEY"],
            HostKeySha256 = hostKey ?? Env["SFTP_HOSTKEY_SHA256"],
            Inbound = Path.Combine(root, "in"),
            Outbound = Path.Combine(root, "out"),
            Archive = Path.Combine(root, "archive"),
            Error = Path.Combine(root, "error"),
            OperationTimeout = TimeSpan.FromSeconds(10),
        };
    }

    /// <summary>Mail settings for the test mailbox and SMTP receiver (plain text on loopback).</summary>
    public MailSettings Mail() => new()
    {
        Imap = new MailServerSettings
        {
            Host = Env["IMAP_HOST"],
            Port = int.Parse(Env["IMAP_PORT"], System.Globalization.CultureInfo.InvariantCulture),
            Security = MailSecurity.None,
            AllowPlaintext = true,
            User = Env["IMAP_USER"],
            PasswordFile = Env["IMAP_PASSWORD_FILE"],
        },
        Smtp = new MailServerSettings
        {
            Host = Env["SMTP_HOST"],
            Port = int.Parse(Env["SMTP_PORT"], System.Globalization.CultureInfo.InvariantCulture),
            Security = MailSecurity.None,
            AllowPlaintext = true,
        },
        From = "lsr-gateway@integra.test",
        Timeout = TimeSpan.FromSeconds(10),
    };

    public string SmtpMaildir => Env["SMTP_MAILDIR"];

    public void StopSftp() => Script("sftp-stop");

    public void StartSftp() => Script("sftp-start");

    public void StopImap() => Script("imap-stop");

    public void StartImap() => Script("imap-start");

    public void Dispose()
    {
        lock (Gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (--_users == 0)
            {
                Script("stop");
                _dir!.Dispose();
                _dir = null;
                _env = null;
            }
        }
    }

    private void Script(string command) => TestServerScript.Run(command, _path);
}

[CollectionDefinition(Name)]
public sealed class TestServers : ICollectionFixture<TestServersFixture>
{
    public const string Name = "servers";
}
