using NodaTime;

namespace Integra.Gateway.Portal.Webhooks;

/// <summary>A partner's registered webhook endpoint. The secret is never part of it: it is shown once, when set.</summary>
public sealed record WebhookEndpoint(long Id, string Partner, string Url, bool Enabled, string CreatedBy, Instant CreatedAt);

/// <summary>One attempt to deliver an event to an endpoint.</summary>
/// <remarks>StatusCode: the endpoint's HTTP status; null when it did not answer (time-out, refused connection).</remarks>
public sealed record WebhookAttempt(Instant At, int? StatusCode, string Outcome, long DurationMs);

/// <summary>One event's delivery to one endpoint, with every attempt, oldest first.</summary>
/// <remarks>State: <c>Pending</c>, <c>Delivered</c> or <c>Flagged</c> (retried for the whole window without success).</remarks>
public sealed record WebhookDelivery(
    long Id,
    string EventId,
    string Type,
    string Pon,
    long EndpointId,
    string Url,
    string State,
    Instant? NextAt,
    Instant? DeliveredAt,
    IReadOnlyList<WebhookAttempt> Attempts);

/// <summary>
/// Webhook endpoints and deliveries in the gateway's store. Every call takes the partner and is its own unit of work,
/// waiting for the database without holding a thread (tried again on a fresh connection after a transient failure):
/// an endpoint or delivery of another partner is not found, the same as one that does not exist.
/// </summary>
public interface IWebhookStore
{
    /// <summary>The partner's endpoints that are not deleted, oldest first.</summary>
    Task<IReadOnlyList<WebhookEndpoint>> EndpointsAsync(string partner, CancellationToken cancellationToken);

    /// <summary>Registers an endpoint, enabled; returns it.</summary>
    Task<WebhookEndpoint> AddAsync(string partner, string url, string secret, string createdBy, Instant at, CancellationToken cancellationToken);

    /// <summary>Switches an endpoint on or off; false when the partner has no such endpoint.</summary>
    Task<bool> SetEnabledAsync(string partner, long id, bool enabled, CancellationToken cancellationToken);

    /// <summary>Deletes an endpoint (its delivery history is kept); false when the partner has no such endpoint.</summary>
    Task<bool> DeleteAsync(string partner, long id, Instant at, CancellationToken cancellationToken);

    /// <summary>The partner's latest deliveries, newest first, each with its attempts.</summary>
    Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string partner, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Makes a delivery due again at <paramref name="at"/> with a new retry window, whatever its state; false when the
    /// partner has no such delivery. The event keeps its id and body.
    /// </summary>
    Task<bool> RedeliverAsync(string partner, long deliveryId, Instant at, CancellationToken cancellationToken);
}
