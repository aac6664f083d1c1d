using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Onboarding;

namespace Integra.Gateway.Portal.Pages.Staff;

public sealed class QueueModel(IPortalStore store, PortalClock clock) : PortalPageModel
{
    public IReadOnlyList<ProfileSubmission> Submissions { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public int PastDue => Submissions.Count(s => s.State == ProfileStates.Received && s.IsPastDue(Now));

    public string Left(ProfileSubmission s)
    {
        var left = s.DueAt - Now;
        return left.TotalHours >= 24 ? $"{(int)left.TotalDays} d {left.Hours} h" : $"{(int)left.TotalHours} h {left.Minutes} min";
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.Now;
        Submissions = await store.ProfilesAsync(cancellationToken);
    }
}
