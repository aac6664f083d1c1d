using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Integra.Gateway.Logging;
using Integra.Gateway.Operations;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.Webhooks;

/// <summary>
/// Posts the deliveries that are due (<see cref="WebhookDeliveryStore"/>): one partner at a time under that partner's
/// lease, so two instances never post one delivery at once; each POST bounded by <see cref="WebhookSettings.Timeout"/>
/// and the caller's token. A 2xx delivers; anything else (another status, a time-out, a refused connection) is a
/// failed attempt, retried by <see cref="WebhookBackoff"/> and flagged when the retry window is over. Each attempt is
/// recorded after it is made: a crash in between posts the same event (same id, same body) again, never loses it.
/// </summary>
public sealed class WebhookSender(OrderStores stores, HttpClient http, IClock clock, IOptions<WebhookSettings> options, GatewayMetrics metrics, ILogger<WebhookSender> logger)
{
    /// <summary>Deliveries posted per partner and round, so that one partner's backlog does not hold up the others for long.</summary>
    public const int PerPartner = 50;

    /// <summary>Posts every delivery due now; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        using var store = stores.Open();
        var deliveries = new WebhookDeliveryStore(store);
        var attempted = 0;
        foreach (var partner in deliveries.PartnersDue(clock.GetCurrentInstant()))
        {
            using var lease = deliveries.TryLease(partner);
            if (lease is null)
            {
                continue;
            }

            // Read under the lease: what another instance delivered before it let go is no longer due.
            foreach (var due in deliveries.Due(partner, clock.GetCurrentInstant(), PerPartner))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var attempt = await PostAsync(due, cancellationToken);
                Record(deliveries, due, attempt);
                attempted++;
            }
        }

        return attempted;
    }

    private async Task<WebhookAttemptResult> PostAsync(DueWebhookDelivery due, CancellationToken cancellationToken)
    {
        var at = clock.GetCurrentInstant();
        var body = Encoding.UTF8.GetBytes(due.Body);
        var timestamp = at.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, due.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Of(due.Secret, timestamp, body));
        request.Headers.Add(WebhookSignature.EventIdHeader, due.EventId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return new WebhookAttemptResult(at, code, response.IsSuccessStatusCode ? "ok" : $"HTTP {code}", watch.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttemptResult(at, null, $"timeout after {options.Value.Timeout.TotalSeconds:0.#} s", watch.Elapsed);
        }
        catch (HttpRequestException e)
        {
            return new WebhookAttemptResult(at, null, $"connection: {e.HttpRequestError}", watch.Elapsed);
        }
    }

    private void Record(WebhookDeliveryStore deliveries, DueWebhookDelivery due, WebhookAttemptResult attempt)
    {
        var attempts = due.Attempts + 1;
        if (attempt.StatusCode is >= 200 and < 300)
        {
            deliveries.Record(due.Id, attempt, WebhookDeliveryState.Delivered, next: null);
            metrics.WebhookAttempted(due.Partner, "delivered");
            return;
        }

        var next = WebhookBackoff.Next(options.Value, attempts, due.RetryFrom, clock.GetCurrentInstant(), Random.Shared.NextDouble());
        if (next is { } retry)
        {
            deliveries.Record(due.Id, attempt, WebhookDeliveryState.Pending, retry);
            metrics.WebhookAttempted(due.Partner, "failed");
            logger.WebhookAttemptFailed(due.Partner, due.EventId, due.Url, attempts, attempt.Outcome, retry.ToString());
        }
        else
        {
            deliveries.Record(due.Id, attempt, WebhookDeliveryState.Flagged, next: null);
            metrics.WebhookAttempted(due.Partner, "flagged");
            logger.WebhookFlagged(due.Partner, due.EventId, due.Url, attempts, attempt.Outcome);
        }
    }
}
