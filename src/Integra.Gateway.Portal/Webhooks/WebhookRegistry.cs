using Integra.Gateway.Portal.Audit;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace Integra.Gateway.Portal.Webhooks;

/// <summary>What registering an endpoint gave: the endpoint and its secret (shown this once), or why not.</summary>
public sealed record WebhookRegistration(WebhookEndpoint? Endpoint, string? Secret, string? Problem);

/// <summary>
/// A partner's webhook endpoints (SPEC §8), for the portal's page and the API alike: register with a secret
/// (generated or given; shown once), switch on and off, delete, and redeliver a delivery. Every change is audited
/// with the actor; every call takes the partner, and another partner's endpoint is not found.
/// </summary>
public sealed class WebhookRegistry(IWebhookStore store, Auditor audit, TimeProvider time)
{
    /// <summary>Endpoints per partner: each gets every event, so more would multiply the traffic, not the coverage.</summary>
    public const int MaxEndpoints = 5;

    public Task<IReadOnlyList<WebhookEndpoint>> EndpointsAsync(string partner, CancellationToken cancellationToken) => store.EndpointsAsync(partner, cancellationToken);

    public Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string partner, int limit, CancellationToken cancellationToken) => store.DeliveriesAsync(partner, limit, cancellationToken);

    /// <summary>Registers <paramref name="url"/> for <paramref name="partner"/> with the partner's own secret, or a generated one when it is empty.</summary>
    public async Task<WebhookRegistration> RegisterAsync(HttpContext? context, string actor, string partner, string? url, string? secret, CancellationToken cancellationToken)
    {
        if (WebhookUrl.Check(url, out var checkedUrl) is { } urlProblem)
        {
            return new WebhookRegistration(null, null, urlProblem);
        }

        var chosen = string.IsNullOrEmpty(secret) ? WebhookSecret.Generate() : secret;
        if (WebhookSecret.Check(chosen) is { } secretProblem)
        {
            return new WebhookRegistration(null, null, secretProblem);
        }

        if ((await store.EndpointsAsync(partner, cancellationToken)).Count >= MaxEndpoints)
        {
            return new WebhookRegistration(null, null, $"A company has at most {MaxEndpoints} endpoints; delete one first.");
        }

        var endpoint = await store.AddAsync(partner, checkedUrl!.AbsoluteUri, chosen, actor, Now(), cancellationToken);
        await audit.RecordAsync(context, actor, partner, WebhookAuditActions.Created, endpoint.Url, string.IsNullOrEmpty(secret) ? "secret generated" : "secret set by the partner");
        return new WebhookRegistration(endpoint, chosen, null);
    }

    public async Task<bool> SetEnabledAsync(HttpContext? context, string actor, string partner, long id, bool enabled, CancellationToken cancellationToken)
    {
        var endpoint = (await store.EndpointsAsync(partner, cancellationToken)).SingleOrDefault(e => e.Id == id);
        if (endpoint is null || !await store.SetEnabledAsync(partner, id, enabled, cancellationToken))
        {
            return false;
        }

        await audit.RecordAsync(context, actor, partner, enabled ? WebhookAuditActions.Enabled : WebhookAuditActions.Disabled, endpoint.Url);
        return true;
    }

    public async Task<bool> DeleteAsync(HttpContext? context, string actor, string partner, long id, CancellationToken cancellationToken)
    {
        var endpoint = (await store.EndpointsAsync(partner, cancellationToken)).SingleOrDefault(e => e.Id == id);
        if (endpoint is null || !await store.DeleteAsync(partner, id, Now(), cancellationToken))
        {
            return false;
        }

        await audit.RecordAsync(context, actor, partner, WebhookAuditActions.Deleted, endpoint.Url);
        return true;
    }

    public async Task<bool> RedeliverAsync(HttpContext? context, string actor, string partner, long deliveryId, CancellationToken cancellationToken)
    {
        if (!await store.RedeliverAsync(partner, deliveryId, Now(), cancellationToken))
        {
            return false;
        }

        await audit.RecordAsync(context, actor, partner, WebhookAuditActions.Redelivered, $"delivery {deliveryId}");
        return true;
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
