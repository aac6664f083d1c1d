using Integra.Gateway.Portal.Webhooks;
using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.Storage.Webhooks;

/// <summary>
/// Webhook endpoints and deliveries (<see cref="IWebhookStore"/>) as the portal's page and the API see them: each call
/// a unit of work of its own from the factory (<see cref="UnitOfWorkFactory.RunAsync{T}"/>), run without holding a
/// thread while the database answers and again on a fresh connection after a transient failure. Every statement takes
/// the partner (<see cref="WebhookEndpointStore"/>, <see cref="WebhookDeliveryStore"/>).
/// </summary>
public sealed class WebhookStore(UnitOfWorkFactory stores) : IWebhookStore
{
    public Task<IReadOnlyList<WebhookEndpoint>> EndpointsAsync(string partner, CancellationToken cancellationToken) =>
        stores.RunAsync("webhook endpoints", (uow, token) => uow.WebhookEndpoints.OfPartnerAsync(partner, token), cancellationToken);

    public Task<WebhookEndpoint> AddAsync(string partner, string url, string secret, string createdBy, Instant at, CancellationToken cancellationToken) =>
        stores.RunAsync("webhook registration", (uow, token) => uow.WebhookEndpoints.AddAsync(partner, url, secret, createdBy, at, token), cancellationToken);

    public Task<bool> SetEnabledAsync(string partner, long id, bool enabled, CancellationToken cancellationToken) =>
        stores.RunAsync("webhook endpoint switch", (uow, token) => uow.WebhookEndpoints.SetEnabledAsync(partner, id, enabled, token), cancellationToken);

    public Task<bool> DeleteAsync(string partner, long id, Instant at, CancellationToken cancellationToken) =>
        stores.RunAsync("webhook endpoint deletion", (uow, token) => uow.WebhookEndpoints.DeleteAsync(partner, id, at, token), cancellationToken);

    public Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string partner, int limit, CancellationToken cancellationToken) =>
        stores.RunAsync("webhook deliveries", (uow, token) => uow.WebhookDeliveries.OfPartnerAsync(partner, limit, token), cancellationToken);

    public Task<bool> RedeliverAsync(string partner, long deliveryId, Instant at, CancellationToken cancellationToken) =>
        stores.RunAsync("webhook redelivery", (uow, token) => uow.WebhookDeliveries.RedeliverAsync(partner, deliveryId, at, token), cancellationToken);
}
