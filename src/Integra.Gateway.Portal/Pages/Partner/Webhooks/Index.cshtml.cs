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

    public void OnGet()
    {
        Endpoints = registry.Endpoints(SignedIn.Partner!);
        Deliveries = registry.Deliveries(SignedIn.Partner!, Listed);
    }

    public IActionResult OnPostCreate(string? url, string? secret)
    {
        var result = registry.Register(HttpContext, SignedIn.Email, SignedIn.Partner!, url, secret);
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

        OnGet();
        return Page();
    }

    public IActionResult OnPostEnable(long id, bool enabled) =>
        Done(registry.SetEnabled(HttpContext, SignedIn.Email, SignedIn.Partner!, id, enabled), enabled ? "The endpoint is on again." : "The endpoint is off: events wait until it is on again.");

    public IActionResult OnPostDelete(long id) =>
        Done(registry.Delete(HttpContext, SignedIn.Email, SignedIn.Partner!, id), "The endpoint is deleted; its deliveries stay listed.");

    public IActionResult OnPostRedeliver(long delivery) =>
        Done(registry.Redeliver(HttpContext, SignedIn.Email, SignedIn.Partner!, delivery), "The event is due again and goes out within seconds, with the same id.");

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
