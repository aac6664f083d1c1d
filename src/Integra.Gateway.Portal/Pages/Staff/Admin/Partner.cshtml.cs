using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Api.Keys;
using Integra.Gateway.Portal.Partners;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Staff.Admin;

/// <summary>One partner for a staff admin: its accounts, adding an administrator, links again, portal access off and on.</summary>
public sealed class PartnerModel(PartnerAdministration partners, IPortalStore store, Webhooks.IWebhookStore webhooks, ApiKeyAdministration keys) : PortalPageModel
{
    /// <summary>The partner's webhook endpoints (its administrators manage them), for the staff's look.</summary>
    public IReadOnlyList<Webhooks.WebhookEndpoint> Webhooks { get; private set; } = [];

    /// <summary>The partner's API keys (SPEC §8): a staff admin revokes any of them.</summary>
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    public PartnerOverview? Partner { get; private set; }

    public IReadOnlyList<PortalUser> Users { get; private set; } = [];

    public string? Problem { get; private set; }

    /// <summary>What was typed into the add-administrator form, kept when it is refused.</summary>
    public string? Email { get; private set; }

    public string? Name { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        Partner = await partners.FindAsync(id, cancellationToken);
        if (Partner is null)
        {
            return NotFound();
        }

        Users = await store.UsersOfAsync(Partner.Partner.Id, cancellationToken);
        Webhooks = await webhooks.EndpointsAsync(Partner.Partner.Id, cancellationToken);
        Keys = await keys.KeysOfAsync(Partner.Partner.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string? id, string? email, string? name, CancellationToken cancellationToken)
    {
        if (await partners.FindAsync(id, cancellationToken) is not { } partner)
        {
            return NotFound();
        }

        var result = await partners.AddAdministratorAsync(HttpContext, SignedIn.Email, partner.Partner.Id, email, name, cancellationToken);
        return await DoneAsync(partner.Partner.Id, result, $"{email?.Trim()} is an administrator of {partner.Partner.Id}; the first sign-in link is on its way by e-mail.", cancellationToken, email, name);
    }

    public async Task<IActionResult> OnPostLinkAsync(string? id, long user, CancellationToken cancellationToken)
    {
        if (await partners.FindAsync(id, cancellationToken) is not { } partner || await store.FindUserAsync(user, cancellationToken) is not { } account || account.Partner != partner.Partner.Id)
        {
            return NotFound();
        }

        var result = await partners.SendLinkAgainAsync(HttpContext, SignedIn.Email, account.Id, cancellationToken);
        return await DoneAsync(partner.Partner.Id, result, $"A new one-time link was sent to {account.Email}; earlier ones no longer work.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAccessAsync(string? id, bool disabled, string? reason, CancellationToken cancellationToken)
    {
        if (await partners.FindAsync(id, cancellationToken) is not { } partner)
        {
            return NotFound();
        }

        var result = await partners.SetAccessAsync(HttpContext, SignedIn.Email, partner.Partner.Id, disabled, reason, cancellationToken);
        return await DoneAsync(partner.Partner.Id, result, disabled ? $"{partner.Partner.Id}'s portal access is off; its users were signed out." : $"{partner.Partner.Id}'s portal access is on again.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeKeyAsync(string? id, long key, CancellationToken cancellationToken)
    {
        if (await partners.FindAsync(id, cancellationToken) is not { } partner)
        {
            return NotFound();
        }

        Message = await keys.RevokeAsync(HttpContext, SignedIn, partner.Partner.Id, key) ? "The API key was revoked; calls with it are refused from now on." : "That key is already revoked.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> DoneAsync(string id, AdminResult result, string message, CancellationToken cancellationToken, string? email = null, string? name = null)
    {
        if (result.Done)
        {
            Message = message;
            return RedirectToPage(new { id });
        }

        Problem = result.Problem;
        (Email, Name) = (email, name);
        return await OnGetAsync(id, cancellationToken);
    }
}
