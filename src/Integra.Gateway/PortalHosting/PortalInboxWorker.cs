using Integra.Gateway.Storage.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integra.Gateway.PortalHosting;

/// <summary>
/// The portal channel's worker, like the drops' and the mailbox's: it delivers the answers that wait for orders that
/// came through the portal (reviews, sweeps, closures) into their partners' inboxes. A submission's own answer does
/// not wait for it: it is in the inbox when the submit returns. Each round opens its pipeline and closes it; a round
/// that meets a transient store failure is tried again on a fresh connection within the round
/// (<see cref="StoreAvailability"/>), and the outage is logged once, not once per round.
/// </summary>
public sealed class PortalInboxWorker(PortalIntake intake, StoreAvailability store, IOptions<PortalInboxSettings> settings, ILogger<PortalInboxWorker> logger) : BackgroundService
{
    /// <summary>Tries of one round: with the back-off about 5 s, so a round never outlasts a short interval by much.</summary>
    private const int Attempts = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = settings.Value.DeliveryInterval;
        logger.LogInformation("Delivering portal answers every {Interval}", interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.RunAsync("portal inbox delivery", intake.DeliverLaterAnswersAsync, Attempts, stoppingToken);
            }
            catch (Exception e) when (StoreFailures.IsTransient(e))
            {
                // Already told as StoreUnavailable; the answers stay waiting in the outbox for the next round.
                logger.LogDebug("Delivering portal answers failed on the store; retrying in {Interval}: {Error}", interval, StoreFailures.OneLine(e));
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The answers stay waiting in the outbox; the next round delivers them.
                logger.LogError(e, "Delivering portal answers failed; retrying in {Interval}", interval);
            }

            await Task.Delay(interval, stoppingToken);
        }
    }
}

/// <summary>The portal channel's delivery (section <c>PortalInbox</c>).</summary>
public sealed class PortalInboxSettings
{
    /// <summary>How often waiting answers for portal orders are put into the inboxes.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromSeconds(5);
}
