namespace Integra.Gateway.Rules.Model;

/// <summary>How a request reached the gateway (SPEC §1). Its stored text is in the host's <c>StoredText</c>.</summary>
public enum Channel
{
    /// <summary>A partner's drop on its SFTP server.</summary>
    Sftp,

    /// <summary>The Montana mailbox (IMAP in, SMTP replies).</summary>
    Email,

    /// <summary>A partner's drop on the gateway's own file system (the embedded default).</summary>
    Local,

    /// <summary>The web portal (SPEC §7); L14 treats it like SFTP.</summary>
    Portal,

    /// <summary>The partner API (SPEC §8): one request file per call; L14 treats it like SFTP.</summary>
    Api,
}
