namespace Integra.Gateway.Drops.Sftp;

/// <summary>The server offered a host key other than the pinned one; the connection was refused.</summary>
public sealed class HostKeyMismatchException : IOException
{
    public HostKeyMismatchException()
    {
    }

    public HostKeyMismatchException(string message)
        : base(message)
    {
    }

    public HostKeyMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The refused connection's server key and the pinned one, as <c>SHA256:…</c> fingerprints.</summary>
    public HostKeyMismatchException(string message, string offered, string pinned, Exception innerException)
        : base(message, innerException)
    {
        Offered = offered;
        Pinned = pinned;
    }

    /// <summary>The fingerprint the server offered (null when not known).</summary>
    public string? Offered { get; }

    /// <summary>The fingerprint of the setting (null when not known).</summary>
    public string? Pinned { get; }
}
