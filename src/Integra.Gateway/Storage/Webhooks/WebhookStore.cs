using Dapper;
using Integra.Gateway.Portal.Webhooks;
using NodaTime;

using Integra.Gateway.Storage.Connections;

namespace Integra.Gateway.Storage.Webhooks;

/// <summary>
/// Webhook endpoints and deliveries (<see cref="IWebhookStore"/>) in the order store's database, for the portal and
/// the API. Like the evidence store, each call opens a pooled connection of its own; every statement takes the partner.
/// </summary>
public sealed class WebhookStore : IWebhookStore
{
    private const string EndpointColumns = "id AS Id, partner AS Partner, url AS Url, enabled AS Enabled, created_by AS CreatedBy, created_at AS CreatedAt";

    private readonly StoreDialect _dialect;

    private WebhookStore(StoreDialect dialect) => _dialect = dialect;

    /// <summary>The store at <paramref name="database"/> (see <see cref="StoreLocation"/>), migrated by the host at start.</summary>
    public static WebhookStore Open(string database) => new(StoreDialect.For(StoreLocation.Parse(database)));

    public IReadOnlyList<WebhookEndpoint> Endpoints(string partner)
    {
        using var connection = _dialect.Open();
        return connection.Query<EndpointRow>($"SELECT {EndpointColumns} FROM webhook_endpoints WHERE partner = @partner AND deleted_at IS NULL ORDER BY id", new { partner })
            .Select(r => r.ToEndpoint())
            .ToList();
    }

    public WebhookEndpoint Add(string partner, string url, string secret, string createdBy, Instant at)
    {
        using var connection = _dialect.Open();
        return connection.QuerySingle<EndpointRow>(
                $"""
                INSERT INTO webhook_endpoints (partner, url, secret, enabled, created_by, created_at)
                VALUES (@partner, @url, @secret, 1, @createdBy, @at) RETURNING {EndpointColumns}
                """,
                new { partner, url, secret, createdBy, at = StoreFormats.Text(at) })
            .ToEndpoint();
    }

    public bool SetEnabled(string partner, long id, bool enabled) =>
        Execute("UPDATE webhook_endpoints SET enabled = @on WHERE id = @id AND partner = @partner AND deleted_at IS NULL", new { id, partner, on = enabled ? 1L : 0L }) == 1;

    public bool Delete(string partner, long id, Instant at) =>
        Execute("UPDATE webhook_endpoints SET deleted_at = @at, enabled = 0 WHERE id = @id AND partner = @partner AND deleted_at IS NULL", new { id, partner, at = StoreFormats.Text(at) }) == 1;

    public IReadOnlyList<WebhookDelivery> Deliveries(string partner, int limit)
    {
        using var connection = _dialect.Open();
        var deliveries = connection.Query<DeliveryRow>(
                """
                SELECT d.id AS Id, d.event_id AS EventId, e.type AS Type, e.pon AS Pon, d.endpoint_id AS EndpointId, p.url AS Url, d.state AS State,
                       d.next_at AS NextAt, d.delivered_at AS DeliveredAt
                FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id JOIN webhook_endpoints p ON p.id = d.endpoint_id
                WHERE d.partner = @partner ORDER BY d.id DESC LIMIT @limit
                """,
                new { partner, limit })
            .ToList();
        var ids = deliveries.Select(d => d.Id).ToArray();
        var attempts = (ids.Length == 0
            ? []
            : connection.Query<AttemptRow>(
                    $"SELECT delivery_id AS DeliveryId, at AS At, status_code AS StatusCode, outcome AS Outcome, duration_ms AS DurationMs FROM webhook_attempts WHERE {_dialect.InList("delivery_id", "@ids")} ORDER BY id",
                    new { ids }))
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

    public bool Redeliver(string partner, long deliveryId, Instant at) =>
        Execute(
            "UPDATE webhook_deliveries SET state = 'Pending', retry_from = @at, next_at = @at WHERE id = @deliveryId AND partner = @partner",
            new { deliveryId, partner, at = StoreFormats.Text(at) }) == 1;

    private int Execute(string sql, object parameters)
    {
        using var connection = _dialect.Open();
        return connection.Execute(sql, parameters);
    }

    private sealed record EndpointRow(long Id, string Partner, string Url, long Enabled, string CreatedBy, string CreatedAt)
    {
        public WebhookEndpoint ToEndpoint() => new(Id, Partner, Url, Enabled != 0, CreatedBy, StoreFormats.Instant(CreatedAt));
    }

    private sealed record DeliveryRow(long Id, string EventId, string Type, string Pon, long EndpointId, string Url, string State, string NextAt, string? DeliveredAt);

    private sealed record AttemptRow(long DeliveryId, string At, long? StatusCode, string Outcome, long DurationMs);
}
