namespace Integra.Gateway.Portal.Security;

/// <summary>Hands the portal's log lines, after the portal's own filters, to the gateway's logging.</summary>
public sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    public void Dispose()
    {
    }
}
