using Integra.Gateway.Storage.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integra.Gateway.Webhooks;

/// <summary>
/// The webhook channel's worker, like the portal inbox's: every <see cref="WebhookSettings.PollInterval"/> it runs a
/// feed pass (new events and deliveries) and posts what is due. A round that meets a transient store failure is
/// tried again on a fresh connection (<see cref="StoreAvailability"/>); any other failure is logged and the next
/// round tries again: the events wait in the store.
/// </summary>
public sealed class WebhookWorker(WebhookFeed feed, WebhookSender sender, StoreAvailability store, IOptions<WebhookSettings> settings, ILogger<WebhookWorker> logger) : BackgroundService
{
    private const int Attempts = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = settings.Value.PollInterval;
        logger.LogInformation("Delivering partner webhooks every {Interval}", interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.RunAsync("webhook feed", _ => Task.FromResult(feed.Pass()), Attempts, stoppingToken);
                await store.RunAsync("webhook delivery", sender.DeliverDueAsync, Attempts, stoppingToken);
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
