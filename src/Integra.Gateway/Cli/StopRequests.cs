using System.Runtime.InteropServices;

namespace Integra.Gateway.Cli;

/// <summary>
/// Notes a stop request (SIGINT, SIGTERM, SIGQUIT) without handling it: the host still stops gracefully on it, and
/// <c>run</c> can tell a requested stop from one the daemon chose.
/// </summary>
internal sealed class StopRequests : IDisposable
{
    private readonly PosixSignalRegistration[] _registrations;
    private volatile bool _requested;

    public StopRequests() =>
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }.Select(s => PosixSignalRegistration.Create(s, _ => _requested = true))];

    public bool Requested => _requested;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
