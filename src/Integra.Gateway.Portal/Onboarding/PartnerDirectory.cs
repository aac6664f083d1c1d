using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Rules.Reference;

namespace Integra.Gateway.Portal.Onboarding;

/// <summary>
/// Who the partners are: partners.csv (the reference data as loaded now) plus the partners approved through
/// onboarding (the store). The one seam every channel asks, so an approved partner exists at once, without a restart;
/// partners.csv wins when both name the same id.
/// </summary>
public sealed class PartnerDirectory(Func<ReferenceData> data, IPortalStore store)
{
    public async Task<IReadOnlyList<Partner>> AllAsync(CancellationToken cancellationToken)
    {
        var listed = data().Partners.ToList();
        var ids = listed.Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. listed, .. (await store.ApprovedPartnersAsync(cancellationToken)).Where(p => !ids.Contains(p.Id))];
    }

    /// <summary>
    /// The partner with this id. One of partners.csv is answered from the reference data without asking the store
    /// (it wins over an approved one of the same id anyway), so the forms' defaults cost no database round trip.
    /// </summary>
    public async Task<Partner?> FindAsync(string id, CancellationToken cancellationToken) =>
        data().Partners.FirstOrDefault(p => Is(p, id))
        ?? (await store.ApprovedPartnersAsync(cancellationToken)).FirstOrDefault(p => Is(p, id));

    private static bool Is(Partner partner, string id) => string.Equals(partner.Id, id, StringComparison.OrdinalIgnoreCase);
}
