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

    public IReadOnlyList<WebhookEndpoint> Endpoints(string partner) => store.Endpoints(partner);

    public IReadOnlyList<WebhookDelivery> Deliveries(string partner, int limit) => store.Deliveries(partner, limit);

    /// <summary>Registers <paramref name="url"/> for <paramref name="partner"/> with the partner's own secret, or a generated one when it is empty.</summary>
    public WebhookRegistration Register(HttpContext? context, string actor, string partner, string? url, string? secret)
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

        if (store.Endpoints(partner).Count >= MaxEndpoints)
        {
            return new WebhookRegistration(null, null, $"A company has at most {MaxEndpoints} endpoints; delete one first.");
        }

        var endpoint = store.Add(partner, checkedUrl!.AbsoluteUri, chosen, actor, Now());
        audit.Record(context, actor, partner, WebhookAuditActions.Created, endpoint.Url, string.IsNullOrEmpty(secret) ? "secret generated" : "secret set by the partner");
        return new WebhookRegistration(endpoint, chosen, null);
    }

    public bool SetEnabled(HttpContext? context, string actor, string partner, long id, bool enabled)
    {
        var endpoint = store.Endpoints(partner).SingleOrDefault(e => e.Id == id);
        if (endpoint is null || !store.SetEnabled(partner, id, enabled))
        {
            return false;
        }

        audit.Record(context, actor, partner, enabled ? WebhookAuditActions.Enabled : WebhookAuditActions.Disabled, endpoint.Url);
        return true;
    }

    public bool Delete(HttpContext? context, string actor, string partner, long id)
    {
        var endpoint = store.Endpoints(partner).SingleOrDefault(e => e.Id == id);
        if (endpoint is null || !store.Delete(partner, id, Now()))
        {
            return false;
        }

        audit.Record(context, actor, partner, WebhookAuditActions.Deleted, endpoint.Url);
        return true;
    }

    public bool Redeliver(HttpContext? context, string actor, string partner, long deliveryId)
    {
        if (!store.Redeliver(partner, deliveryId, Now()))
        {
            return false;
        }

        audit.Record(context, actor, partner, WebhookAuditActions.Redelivered, $"delivery {deliveryId}");
        return true;
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
