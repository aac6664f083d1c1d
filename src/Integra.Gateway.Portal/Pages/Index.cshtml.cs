using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Disputes;

namespace Integra.Gateway.Portal.Pages;

public sealed class IndexModel(EvidenceDesk desk) : PortalPageModel
{
    /// <summary>The evidence requests a partner-side user may answer and that still wait on the partner.</summary>
    public IReadOnlyList<EvidenceRequest> Disputes { get; private set; } = [];

    public NodaTime.Instant Now => desk.Now;

    public string RoleText => Me switch
    {
        null => string.Empty,
        { Role: PortalRoles.Admin } => "Integra staff (admin)",
        { Role: PortalRoles.Desk } => "Integra staff (desk)",
        { Role: PortalRoles.PartnerAdmin } u => $"administrator of {u.Partner}",
        var u => $"user of {u.Partner} ({PrivilegeText.Format(u.Privileges)})",
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Me is { IsStaff: false })
        {
            Disputes = (await desk.ForPartnerAsync(Me, cancellationToken)).Where(r => r.State != EvidenceStates.Accepted).ToList();
        }
    }
}
