using Dapper;
using Integra.Gateway.Portal.Webhooks;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.Storage.Webhooks;

/// <summary>
/// A partner's webhook endpoints (<c>webhook_endpoints</c>) on a unit of work, as the portal's page and the API manage
/// them; every statement takes the partner, so another partner's endpoint is not found.
/// </summary>
public sealed class WebhookEndpointStore(IUnitOfWork uow)
{
    private const string EndpointColumns = "id AS Id, partner AS Partner, url AS Url, enabled AS Enabled, created_by AS CreatedBy, created_at AS CreatedAt";

    /// <summary>The partner's endpoints that are not deleted, oldest first.</summary>
    public async Task<IReadOnlyList<WebhookEndpoint>> OfPartnerAsync(string partner, CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<EndpointRow>(uow.Command(
                $"SELECT {EndpointColumns} FROM webhook_endpoints WHERE partner = @partner AND deleted_at IS NULL ORDER BY id",
                new { partner },
                cancellationToken)).ConfigureAwait(false))
            .Select(r => r.ToEndpoint())
            .ToList();

    /// <summary>Registers an endpoint, enabled; returns it.</summary>
    public async Task<WebhookEndpoint> AddAsync(string partner, string url, string secret, string createdBy, Instant at, CancellationToken cancellationToken) =>
        (await uow.Connection.QuerySingleAsync<EndpointRow>(uow.Command(
                $"""
                INSERT INTO webhook_endpoints (partner, url, secret, enabled, created_by, created_at)
                VALUES (@partner, @url, @secret, 1, @createdBy, @at) RETURNING {EndpointColumns}
                """,
                new { partner, url, secret, createdBy, at = StoreFormats.Text(at) },
                cancellationToken)).ConfigureAwait(false))
            .ToEndpoint();

    /// <summary>Switches an endpoint on or off; false when the partner has no such endpoint.</summary>
    public async Task<bool> SetEnabledAsync(string partner, long id, bool enabled, CancellationToken cancellationToken) =>
        await uow.Connection.ExecuteAsync(uow.Command(
            "UPDATE webhook_endpoints SET enabled = @on WHERE id = @id AND partner = @partner AND deleted_at IS NULL",
            new { id, partner, on = enabled ? 1L : 0L },
            cancellationToken)).ConfigureAwait(false) == 1;

    /// <summary>Deletes an endpoint, keeping its deliveries; false when the partner has no such endpoint.</summary>
    public async Task<bool> DeleteAsync(string partner, long id, Instant at, CancellationToken cancellationToken) =>
        await uow.Connection.ExecuteAsync(uow.Command(
            "UPDATE webhook_endpoints SET deleted_at = @at, enabled = 0 WHERE id = @id AND partner = @partner AND deleted_at IS NULL",
            new { id, partner, at = StoreFormats.Text(at) },
            cancellationToken)).ConfigureAwait(false) == 1;

    private sealed record EndpointRow(long Id, string Partner, string Url, long Enabled, string CreatedBy, string CreatedAt)
    {
        public WebhookEndpoint ToEndpoint() => new(Id, Partner, Url, Enabled != 0, CreatedBy, StoreFormats.Instant(CreatedAt));
    }
}

/// <summary>The <see cref="WebhookEndpointStore"/> of a unit of work.</summary>
public static class WebhookEndpointStoreAccess
{
    extension(IUnitOfWork uow)
    {
        public WebhookEndpointStore WebhookEndpoints => uow.Store(static u => new WebhookEndpointStore(u));
    }
}
