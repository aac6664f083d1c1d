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

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Submission = await store.FindProfileAsync(id, cancellationToken);
        if (Submission is null)
        {
            return NotFound();
        }

        Existing = await desk.ExistingPartnerAsync(Submission.Profile, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken cancellationToken) =>
        await AnswerAsync(id, await desk.ApproveAsync(HttpContext, SignedIn.Email, id, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRejectAsync(long id, string? reason, CancellationToken cancellationToken) =>
        await AnswerAsync(id, await desk.RejectAsync(HttpContext, SignedIn.Email, id, reason ?? string.Empty, cancellationToken), cancellationToken);

    private async Task<IActionResult> AnswerAsync(long id, DeskResult result, CancellationToken cancellationToken)
    {
        if (result.Done)
        {
            return RedirectToPage(new { id });
        }

        Problem = result.Problem;
        return await OnGetAsync(id, cancellationToken);
    }
}
