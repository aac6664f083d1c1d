namespace Integra.Gateway.Cli;

/// <summary>Exit codes of SPEC §6.</summary>
public static class ExitCodes
{
    /// <summary>Done; rejects are a normal outcome.</summary>
    public const int Done = 0;

    /// <summary>A file could not be processed (file-level reject F01–F05, or the file could not be read).</summary>
    public const int FileFailed = 1;

    /// <summary><c>run</c> stopped on its own, not at a stop request (the store failed, a worker failed); one line on stderr.</summary>
    public const int Stopped = 1;

    /// <summary>Usage or configuration error; a one-line message is on stderr.</summary>
    public const int UsageOrConfiguration = 2;

    /// <summary>
    /// A look-up (<c>show</c>, <c>audit</c>) found nothing for what was asked: the command was right, the order is not
    /// in this store. Its own code so that a script tells "no such PON" from a mistyped option or a broken setting.
    /// </summary>
    public const int NotFound = 3;
}

/// <summary>A look-up found no order; the command ends with <see cref="ExitCodes.NotFound"/> and one line on stderr.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException()
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A usage or configuration problem that ends a command with exit code 2 and one line on stderr.</summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
