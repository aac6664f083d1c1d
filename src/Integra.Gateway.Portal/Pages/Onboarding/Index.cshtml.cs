using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Integra.Gateway.Portal.Onboarding;
using Integra.Gateway.Portal.Submissions;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Onboarding;

/// <summary>
/// The public Trading Partner Profile page: anyone may submit; the submission joins the desk's queue. A form with
/// problems comes back with each one beside its field and everything typed kept; one rendered form is one submission.
/// </summary>
public sealed class ProfileFormModel(OnboardingDesk desk) : PortalPageModel
{
    /// <summary>The key under which the Thanks page finds the due time (a protected cookie, never the query string).</summary>
    public const string DueKey = "profile-due";

    [BindProperty]
    public TradingPartnerProfile Profile { get; set; } = new();

    /// <summary>The id the form was rendered with: posting it twice is one submission.</summary>
    /// <remarks>Nullable, so that a post without it (a script, an old page) is not a "required" error but a fresh id.</remarks>
    [BindProperty]
    public string? FormId { get; set; }

    /// <summary>The form's inputs, in the order of the profile's properties, with their labels and their problems.</summary>
    public IEnumerable<ProfileField> Fields =>
        typeof(TradingPartnerProfile).GetProperties()
            .Where(p => p.GetCustomAttribute<DisplayAttribute>() is not null)
            .Select(p =>
            {
                var name = $"Profile.{p.Name}";
                // The first problem only: a blank e-mail is "required", not also "not a valid address".
                var errors = ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).Take(1).ToList() : [];
                return new ProfileField(name, "f-" + p.Name, p.GetCustomAttribute<DisplayAttribute>()!.Name!, (string?)p.GetValue(Profile) ?? string.Empty, errors);
            });

    /// <summary>Every problem of the post, for the summary at the top (each also stands beside its field).</summary>
    public IReadOnlyList<string> Problems =>
        ModelState.Values.Select(v => v.Errors.Select(e => e.ErrorMessage).FirstOrDefault(m => m.Length > 0)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    public void OnGet() => FormId = FormIds.New();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!FormIds.IsValid(FormId))
        {
            // Not a form this page rendered (or its id was edited): a fresh one, so the next post counts.
            FormId = FormIds.New();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var submission = await desk.SubmitOnceAsync(HttpContext, FormId!, Profile, cancellationToken);
        TempData[DueKey] = submission.DueAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return RedirectToPage("Thanks");
    }
}

/// <summary>One input of the profile form: its posted name, HTML id, label, value as typed and problems.</summary>
public sealed record ProfileField(string Name, string Id, string Label, string Value, IReadOnlyList<string> Errors)
{
    public string ErrorId => Id + "-error";
}
