using Integra.Gateway.Storage.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integra.Gateway.Webhooks;

/// <summary>
/// The webhook channel's worker, like the portal inbox's: every <see cref="WebhookSettings.PollInterval"/> it runs a
/// feed pass (new events and deliveries) and posts what is due, without holding a thread while the store answers. A
/// pass or an endpoint's deliveries that meet a transient store failure are tried again on a fresh connection
/// (<see cref="Storage.Sessions.UnitOfWorkFactory.RunAsync{T}"/>); past those tries, and on any other failure, the
/// round is logged and the next one tries again: the events wait in the store.
/// </summary>
public sealed class WebhookWorker(WebhookFeed feed, WebhookSender sender, IOptions<WebhookSettings> settings, ILogger<WebhookWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = settings.Value.PollInterval;
        logger.LogInformation("Delivering partner webhooks every {Interval}", interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await feed.PassAsync(stoppingToken);
                await sender.DeliverDueAsync(stoppingToken);
            }
            catch (Exception e) when (StoreFailures.IsTransient(e))
            {
                logger.LogDebug("Webhooks failed on the store; retrying in {Interval}: {Error}", interval, StoreFailures.OneLine(e));
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Webhooks failed; retrying in {Interval}", interval);
            }

            await Task.Delay(interval, stoppingToken);
        }
    }
}
