using System.Runtime.InteropServices;
using Integra.Gateway.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Integra.Gateway.Hosting;

/// <summary>
/// SIGHUP, logged once per signal and otherwise ignored. Its default action ends the process with 129 and no log line,
/// which systemd's <c>Restart=on-failure</c> does not restart; a closed terminal or a habitual <c>kill -HUP</c> must
/// not stop the daemon. Nothing is reloaded: the reference data reloads on its own, settings need a restart.
/// </summary>
public sealed class HangupSignal(ILogger<HangupSignal> logger) : IHostedService, IDisposable
{
    private PosixSignalRegistration? _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows())
        {
            _registration = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true;
                logger.HangupIgnored("SIGHUP");
            });
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _registration?.Dispose();
}
