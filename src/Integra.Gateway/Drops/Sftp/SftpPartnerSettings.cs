using System.ComponentModel.DataAnnotations;

namespace Integra.Gateway.Drops.Sftp;

/// <summary>
/// One partner's SFTP endpoint (section <c>Sftp:Partners:&lt;PARTNER&gt;</c>). Credentials are read from files or
/// from the environment (<c>INTEGRA_Sftp__Partners__ACME__Password</c>), never from the repository, and never logged.
/// </summary>
public sealed class SftpPartnerSettings
{
    [Required]
    public string Host { get; set; } = string.Empty;

    [Range(1, 65535)]
    public int Port { get; set; } = 22;

    [Required]
    public string User { get; set; } = string.Empty;

    /// <summary>Private key file (OpenSSH or PEM); preferred over a password.</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>File holding the key's passphrase, if it has one.</summary>
    public string? PrivateKeyPassphraseFile { get; set; }

    /// <summary>Password, from the environment only.</summary>
    public string? Password { get; set; }

    /// <summary>File holding the password (e.g. a systemd credential or a mounted secret).</summary>
    public string? PasswordFile { get; set; }

    /// <summary>The server's pinned host key fingerprint, as <c>ssh-keygen -l -E sha256</c> prints it: <c>SHA256:…</c>.</summary>
    [Required]
    public string HostKeySha256 { get; set; } = string.Empty;

    [Required]
    public string Inbound { get; set; } = "in";

    [Required]
    public string Outbound { get; set; } = "out";

    [Required]
    public string Archive { get; set; } = "archive";

    [Required]
    public string Error { get; set; } = "error";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Bound on connecting and on every SFTP operation.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>SSH keep-alive, so that a dead connection is noticed between polls.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// SFTP connections to this partner's server at most, for transfers of one batch that overlap (each file's own
    /// steps stay in order). Each connection has its own worker thread. 1 makes the gateway a single-session client.
    /// </summary>
    [Range(1, 16)]
    public int Connections { get; set; } = 4;

    /// <summary>For logs: where, never who or with what.</summary>
    public string Location => $"sftp://{Host}:{Port}";
}

/// <summary>The SFTP channel (section <c>Sftp</c>): off unless partners are configured.</summary>
public sealed class SftpSettings
{
    public bool Enabled { get; set; }

    public Dictionary<string, SftpPartnerSettings> Partners { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
