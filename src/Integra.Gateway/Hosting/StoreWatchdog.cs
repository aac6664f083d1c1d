using Integra.Gateway.Configuration;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Connections;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integra.Gateway.Hosting;

/// <summary>
/// Checks every <see cref="GatewaySettings.StoreCheckInterval"/>, on a connection of its own, that the order store
/// still takes writes. The workers log and retry a failed round, which is right for a partner's outage but not for a
/// store that is gone: after <see cref="FailuresToStop"/> failed checks in a row the daemon stops with a non-zero exit
/// code (<see cref="RunOutcome"/>), and the service manager restarts it, or an operator looks.
/// </summary>
public sealed class StoreWatchdog(IOptions<GatewaySettings> gateway, RunOutcome outcome, ILogger<StoreWatchdog> logger, LoopHeartbeats heartbeats) : BackgroundService
{
    /// <summary>Failed checks in a row that stop the daemon: a PostgreSQL fail-over of a few seconds does not.</summary>
    public const int FailuresToStop = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var database = gateway.Value.Database;
        var where = StoreProbe.Describe(database);
        using var timer = new PeriodicTimer(gateway.Value.StoreCheckInterval);
        var failures = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await StoreProbe.ProbeWritableAsync(database, stoppingToken).ConfigureAwait(false);
                failures = 0;
                heartbeats.Beat("store-watchdog", gateway.Value.StoreCheckInterval);
            }
            catch (Exception e) when (StoreProbe.IsStoreFailure(e))
            {
                failures++;
                var reason = StoreProbe.Reason(e);
                if (failures < FailuresToStop)
                {
                    logger.LogWarning("Order store {Store} failed a check ({Failures} of {Limit} in a row stop the gateway): {Reason}", where, failures, FailuresToStop, reason);
                    continue;
                }

                logger.LogCritical("Order store {Store} failed {Failures} checks in a row; stopping: {Reason}", where, failures, reason);
                outcome.Fail($"Gateway:Database: the order store {where} failed {failures} checks in a row: {reason}");
                return;
            }
        }
    }
}
