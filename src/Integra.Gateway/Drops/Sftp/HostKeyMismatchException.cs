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
}
