using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Integra.Gateway.Portal.Onboarding;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Onboarding;

/// <summary>The public Trading Partner Profile page: anyone may submit; the submission joins the desk's queue.</summary>
public sealed class ProfileFormModel(OnboardingDesk desk) : PortalPageModel
{
    [BindProperty]
    public TradingPartnerProfile Profile { get; set; } = new();

    /// <summary>The form's inputs, in the order of the profile's properties, with their labels.</summary>
    public IEnumerable<(string Name, string Label, string Value)> Fields =>
        typeof(TradingPartnerProfile).GetProperties()
            .Where(p => p.GetCustomAttribute<DisplayAttribute>() is not null)
            .Select(p => ($"Profile.{p.Name}", p.GetCustomAttribute<DisplayAttribute>()!.Name!, (string?)p.GetValue(Profile) ?? string.Empty));

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var submission = desk.Submit(HttpContext, ProfileSources.Page, Profile);
        return RedirectToPage("Thanks", new { due = submission.DueAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) });
    }
}
