using Dapper;
using Integra.Gateway.Portal.Webhooks;
using Integra.Gateway.Storage.Queries;
using NodaTime;

namespace Integra.Gateway.Storage.Webhooks;

/// <summary>A partner's deliveries as its page shows them, with every attempt, and a redelivery the partner asks for.</summary>
public sealed partial class WebhookDeliveryStore
{
    /// <summary>The partner's latest deliveries, newest first, each with its attempts (oldest first).</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> OfPartnerAsync(string partner, int limit, CancellationToken cancellationToken)
    {
        var deliveries = (await uow.Connection.QueryAsync<DeliveryRow>(uow.Command(
                """
                SELECT d.id AS Id, d.event_id AS EventId, e.type AS Type, e.pon AS Pon, d.endpoint_id AS EndpointId, p.url AS Url, d.state AS State,
                       d.next_at AS NextAt, d.delivered_at AS DeliveredAt
                FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id JOIN webhook_endpoints p ON p.id = d.endpoint_id
                WHERE d.partner = @partner ORDER BY d.id DESC LIMIT @limit
                """,
                new { partner, limit },
                cancellationToken)).ConfigureAwait(false))
            .ToList();
        var ids = deliveries.Select(d => d.Id).ToArray();

        // One after the other on the one connection: a connection runs one command at a time.
        var attempts = (ids.Length == 0
                ? []
                : await uow.Connection.QueryAsync<AttemptRow>(uow.Command(
                    $"SELECT delivery_id AS DeliveryId, at AS At, status_code AS StatusCode, outcome AS Outcome, duration_ms AS DurationMs FROM webhook_attempts WHERE {uow.Dialect.InList("delivery_id", "@ids")} ORDER BY id",
                    new { ids },
                    cancellationToken)).ConfigureAwait(false))
            .ToLookup(a => a.DeliveryId);
        return deliveries.Select(d => new WebhookDelivery(
                d.Id,
                d.EventId,
                d.Type,
                d.Pon,
                d.EndpointId,
                d.Url,
                d.State,
                d.State == nameof(WebhookDeliveryState.Pending) ? StoreFormats.Instant(d.NextAt) : null,
                d.DeliveredAt is null ? null : StoreFormats.Instant(d.DeliveredAt),
                attempts[d.Id].Select(a => new WebhookAttempt(StoreFormats.Instant(a.At), a.StatusCode is { } s ? (int)s : null, a.Outcome, a.DurationMs)).ToList()))
            .ToList();
    }

    /// <summary>Makes a delivery of the partner due again at <paramref name="at"/> with a new retry window; false when the partner has no such delivery.</summary>
    public async Task<bool> RedeliverAsync(string partner, long deliveryId, Instant at, CancellationToken cancellationToken) =>
        await uow.Connection.ExecuteAsync(uow.Command(
            "UPDATE webhook_deliveries SET state = 'Pending', retry_from = @at, next_at = @at WHERE id = @deliveryId AND partner = @partner",
            new { deliveryId, partner, at = StoreFormats.Text(at) },
            cancellationToken)).ConfigureAwait(false) == 1;

    private sealed record DeliveryRow(long Id, string EventId, string Type, string Pon, long EndpointId, string Url, string State, string NextAt, string? DeliveredAt);

    private sealed record AttemptRow(long DeliveryId, string At, long? StatusCode, string Outcome, long DurationMs);
}
