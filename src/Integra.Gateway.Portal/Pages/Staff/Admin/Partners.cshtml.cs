using Integra.Gateway.Portal.Partners;

namespace Integra.Gateway.Portal.Pages.Staff.Admin;

/// <summary>A staff admin's list of every partner (partners.csv and onboarded), its administrators and its portal access.</summary>
public sealed class PartnersModel(PartnerAdministration partners) : PortalPageModel
{
    public IReadOnlyList<PartnerOverview> Partners { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Partners = await partners.OverviewAsync(cancellationToken);
}
