namespace Integra.Gateway.Hosting;

/// <summary>
/// A setting that passed its checks but cannot be used when the daemon starts (a port another process holds):
/// <c>run</c> exits 2 with one line <c>KEY: PROBLEM</c>, as for any bad setting, rather than 1 as for a daemon that
/// stopped on its own.
/// </summary>
public sealed class StartupProblemException : Exception
{
    public StartupProblemException()
    {
    }

    public StartupProblemException(string message)
        : base(message)
    {
    }

    public StartupProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The problem of <paramref name="key"/>, said as the settings checks say theirs.</summary>
    public static StartupProblemException Of(string key, string problem, Exception? cause = null) =>
        cause is null ? new($"{key}: {problem}") : new($"{key}: {problem}", cause);
}
