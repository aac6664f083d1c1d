using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Integra.Gateway.Logging;
using Integra.Gateway.Operations;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Sessions;
using Integra.Gateway.Storage.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.Webhooks;

/// <summary>
/// Posts the deliveries that are due (<see cref="WebhookDeliveryStore"/>): each endpoint's under that endpoint's lease,
/// so two instances never post one delivery at once, a few endpoints at a time, each on a unit of work of its own (tried again on a fresh one after a transient store failure); each POST
/// bounded by <see cref="WebhookSettings.Timeout"/> and the caller's token. A 2xx delivers; anything else (another
/// status, a time-out, a refused connection) is a failed attempt, retried by <see cref="WebhookBackoff"/> and flagged
/// when the retry window is over. Each attempt is recorded after it is made: a crash in between posts the same event
/// (same id, same body) again, never loses it.
/// </summary>
public sealed class WebhookSender(UnitOfWorkFactory stores, HttpClient http, IClock clock, IOptions<WebhookSettings> options, GatewayMetrics metrics, ILogger<WebhookSender> logger)
{
    /// <summary>Deliveries read at once per endpoint; an endpoint's whole due backlog goes out in one round, batch by batch.</summary>
    public const int Batch = 50;

    /// <summary>Endpoints posted to at once: a slow or dead one holds up only itself.</summary>
    public const int Endpoints = 4;

    /// <summary>Posts every delivery due now; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var endpoints = await stores.RunAsync("webhook delivery", (store, token) => store.WebhookDeliveries.EndpointsDueAsync(clock.GetCurrentInstant(), token), cancellationToken);

        var attempted = 0;
        await Parallel.ForEachAsync(
            endpoints,
            new ParallelOptions { MaxDegreeOfParallelism = Endpoints, CancellationToken = cancellationToken },
            async (endpoint, token) => Interlocked.Add(ref attempted, await stores.RunAsync("webhook delivery", (store, t) => DeliverAsync(store, endpoint, t), token)));
        return attempted;
    }

    /// <summary>
    /// The endpoint's due deliveries, on a unit of work of the endpoint's own. Run again on a fresh one after a transient
    /// failure: a delivery posted but not yet recorded is posted again (same id, same body), as after a crash.
    /// </summary>
    private async Task<int> DeliverAsync(IUnitOfWork store, long endpoint, CancellationToken cancellationToken)
    {
        var deliveries = store.WebhookDeliveries;
        await using var lease = await deliveries.TryLeaseAsync(endpoint, cancellationToken);
        if (lease is null)
        {
            return 0;
        }

        // Read under the lease: what another instance delivered before it let go is no longer due. A failed delivery's
        // next time is later, so each batch holds only deliveries not tried yet in this round.
        var attempted = 0;
        for (var due = await deliveries.DueAsync(endpoint, clock.GetCurrentInstant(), Batch, cancellationToken); due.Count > 0; due = await deliveries.DueAsync(endpoint, clock.GetCurrentInstant(), Batch, cancellationToken))
        {
            foreach (var delivery in due)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var attempt = await PostAsync(delivery, cancellationToken);
                // Recorded even when the round is being stopped: the POST was made, and a lost record would post it again.
                await RecordAsync(deliveries, delivery, attempt, CancellationToken.None);
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
        catch (HttpRequestException e) when (e.InnerException is WebhookTargetRefusedException refused)
        {
            return new WebhookAttemptResult(at, null, $"refused: {refused.Message}", watch.Elapsed);
        }
        catch (HttpRequestException e)
        {
            return new WebhookAttemptResult(at, null, $"connection: {e.HttpRequestError}", watch.Elapsed);
        }
    }

    private async Task RecordAsync(WebhookDeliveryStore deliveries, DueWebhookDelivery due, WebhookAttemptResult attempt, CancellationToken cancellationToken)
    {
        var attempts = due.Attempts + 1;
        if (attempt.StatusCode is >= 200 and < 300)
        {
            await deliveries.RecordAsync(due.Id, attempt, WebhookDeliveryState.Delivered, next: null, cancellationToken);
            metrics.WebhookAttempted(due.Partner, "delivered");
            return;
        }

        var next = WebhookBackoff.Next(options.Value, attempts, due.RetryFrom, clock.GetCurrentInstant(), Random.Shared.NextDouble());
        if (next is { } retry)
        {
            await deliveries.RecordAsync(due.Id, attempt, WebhookDeliveryState.Pending, retry, cancellationToken);
            metrics.WebhookAttempted(due.Partner, "failed");
            logger.WebhookAttemptFailed(due.Partner, due.EventId, due.Url, attempts, attempt.Outcome, retry.ToString());
        }
        else
        {
            await deliveries.RecordAsync(due.Id, attempt, WebhookDeliveryState.Flagged, next: null, cancellationToken);
            metrics.WebhookAttempted(due.Partner, "flagged");
            logger.WebhookFlagged(due.Partner, due.EventId, due.Url, attempts, attempt.Outcome);
        }
    }
}
