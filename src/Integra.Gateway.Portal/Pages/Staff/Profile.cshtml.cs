using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Onboarding;
using Microsoft.AspNetCore.Mvc;

namespace Integra.Gateway.Portal.Pages.Staff;

public sealed class ProfileModel(IPortalStore store, OnboardingDesk desk, PortalClock clock) : PortalPageModel
{
    public ProfileSubmission? Submission { get; private set; }

    public DateTimeOffset Now => clock.Now;

    public string? Problem { get; private set; }

    /// <summary>The partner the form comes from when it exists already: approving adds the form's administrators to it.</summary>
    public Rules.Reference.Partner? Existing { get; private set; }

    public IActionResult OnGet(long id)
    {
        Submission = store.FindProfile(id);
        if (Submission is null)
        {
            return NotFound();
        }

        Existing = desk.ExistingPartner(Submission.Profile);
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken cancellationToken) =>
        Answer(id, await desk.ApproveAsync(HttpContext, SignedIn.Email, id, cancellationToken));

    public async Task<IActionResult> OnPostRejectAsync(long id, string? reason, CancellationToken cancellationToken) =>
        Answer(id, await desk.RejectAsync(HttpContext, SignedIn.Email, id, reason ?? string.Empty, cancellationToken));

    private IActionResult Answer(long id, DeskResult result)
    {
        if (result.Done)
        {
            return RedirectToPage(new { id });
        }

        Problem = result.Problem;
        return OnGet(id);
    }
}
