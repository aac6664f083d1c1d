using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Onboarding;

namespace Integra.Gateway.Portal.Partners;

/// <summary>
/// What the submission forms fill in for the signed-in partner (issue 26 item 5), all editable: the CCNA from the
/// partner (partners.csv or approved through onboarding), and the NNSP when the partner's approved Trading Partner
/// Profile names exactly one SPID (with several, which one a port uses is the partner's choice). Neither partners.csv
/// nor the profile has a company code, so CC is never filled.
/// </summary>
public sealed class PartnerFormDefaults(PartnerDirectory partners, IPortalStore store)
{
    public async Task<string> CcnaAsync(string partner, CancellationToken cancellationToken) =>
        (await partners.FindAsync(partner, cancellationToken))?.Ccna ?? string.Empty;

    public async Task<string> NnspAsync(string partner, CancellationToken cancellationToken)
    {
        var profile = await store.ApprovedProfileOfAsync(partner, cancellationToken);
        var spids = profile?.Profile.Spids.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return spids.Length == 1 ? spids[0].ToUpperInvariant() : string.Empty;
    }
}
