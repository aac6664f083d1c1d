using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Api.Keys;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Partner.ApiKeys;

/// <summary>
/// A partner administrator's API keys (SPEC §8): create one (name, privileges as for users, optional expiry) and see its
/// secret this once, list them, revoke one. Only the administrator's own partner's keys.
/// </summary>
public sealed class ApiKeysModel(ApiKeyAdministration keys, PortalClock clock) : PortalPageModel
{
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    /// <summary>The token of the key just created: shown on this response only, kept nowhere.</summary>
    public string? NewToken { get; private set; }

    public string? Problem { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public DateTimeOffset Now => clock.Now;

    public async Task OnGetAsync() => Keys = await keys.KeysOfAsync(SignedIn.Partner!, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostCreateAsync(string? name, string[]? privileges, DateOnly? expires)
    {
        // An expiry date is the end of that day in UTC: the key works through the date given.
        DateTimeOffset? expiresAt = expires is { } d ? new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        var created = await keys.CreateAsync(HttpContext, SignedIn, name, PrivilegeText.Parse(string.Join(',', privileges ?? [])), expiresAt);
        if (created is not { } c)
        {
            Problem = $"Give the key a name (at most {ApiKeyAdministration.MaxNameLength} characters), at least one privilege, and an expiry date in the future or none.";
            await OnGetAsync();
            return Page();
        }

        Response.Headers.CacheControl = "no-store";

        // No redirect: the secret must not travel in TempData or a URL. A reload of this page does not show it again.
        NewToken = c.Token;
        Message = $"Key {c.Key.Name} ({c.Key.KeyId}) was created. Copy its secret now: it is not shown again.";
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long key)
    {
        Message = await keys.RevokeAsync(HttpContext, SignedIn, SignedIn.Partner!, key) ? "The key was revoked; calls with it are refused from now on." : "That key is already revoked.";
        return RedirectToPage();
    }
}
