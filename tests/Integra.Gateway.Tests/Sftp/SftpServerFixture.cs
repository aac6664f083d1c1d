using System.Diagnostics;
using Integra.Gateway.Drops.Sftp;

namespace Integra.Gateway.Tests.Sftp;

/// <summary>A real OpenSSH sshd on a loopback port, started once for the collection by the project's script.</summary>
public sealed class SftpServerFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public SftpServerFixture()
    {
        Script("start");
        Env = File.ReadAllLines(Path.Combine(_dir.Path, "servers.env"))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
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

    public void StopServer() => Script("sftp-stop");

    public void StartServer() => Script("sftp-start");

    public void Dispose()
    {
        Script("stop");
        _dir.Dispose();
    }

    private void Script(string command)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Repo.Root, "scripts", "test-servers.sh"), command, _dir.Path])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"test-servers.sh {command} failed: {error}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SftpServers : ICollectionFixture<SftpServerFixture>
{
    public const string Name = "sftp";
}
