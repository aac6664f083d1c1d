using Integra.Gateway.Portal.Webhooks;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Partner.Webhooks;

/// <summary>
/// A partner administrator's webhook endpoints (SPEC §8): register one with a generated or own secret (shown once,
/// on the page that answers the registration, never again), switch it off and on, delete it; every delivery with its
/// attempts, and redelivery. Only the signed-in administrator's own partner.
/// </summary>
public sealed class WebhooksModel(WebhookRegistry registry) : PortalPageModel
{
    /// <summary>Deliveries listed, newest first.</summary>
    public const int Listed = 50;

    public IReadOnlyList<WebhookEndpoint> Endpoints { get; private set; } = [];

    public IReadOnlyList<WebhookDelivery> Deliveries { get; private set; } = [];

    public string? Problem { get; private set; }

    /// <summary>The secret of the endpoint just registered: on this answer only.</summary>
    public string? NewSecret { get; private set; }

    public string? TypedUrl { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Endpoints = await registry.EndpointsAsync(SignedIn.Partner!, cancellationToken);
        Deliveries = await registry.DeliveriesAsync(SignedIn.Partner!, Listed, cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(string? url, string? secret, CancellationToken cancellationToken)
    {
        var result = await registry.RegisterAsync(HttpContext, SignedIn.Email, SignedIn.Partner!, url, secret, cancellationToken);
        if (result.Endpoint is null)
        {
            Problem = result.Problem;
            TypedUrl = url;
        }
        else
        {
            // Rendered here, not redirected: the secret must not travel in TempData's cookie.
            NewSecret = result.Secret;
            Message = $"{result.Endpoint.Url} is registered and gets every event from now on.";
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(long id, bool enabled, CancellationToken cancellationToken) =>
        Done(await registry.SetEnabledAsync(HttpContext, SignedIn.Email, SignedIn.Partner!, id, enabled, cancellationToken), enabled ? "The endpoint is on again." : "The endpoint is off: events wait until it is on again.");

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken) =>
        Done(await registry.DeleteAsync(HttpContext, SignedIn.Email, SignedIn.Partner!, id, cancellationToken), "The endpoint is deleted; its deliveries stay listed.");

    public async Task<IActionResult> OnPostRedeliverAsync(long delivery, CancellationToken cancellationToken) =>
        Done(await registry.RedeliverAsync(HttpContext, SignedIn.Email, SignedIn.Partner!, delivery, cancellationToken), "The event is due again and goes out within seconds, with the same id.");

    private IActionResult Done(bool found, string message)
    {
        if (!found)
        {
            return NotFound();
        }

        Message = message;
        return RedirectToPage();
    }
}
