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
    public IReadOnlyList<Partner> All()
    {
        var listed = data().Partners.ToList();
        var ids = listed.Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. listed, .. store.ApprovedPartners().Where(p => !ids.Contains(p.Id))];
    }

    public Partner? Find(string id) => All().FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when a partner already has this id or CCNA.</summary>
    public bool Taken(string id, string ccna) =>
        All().Any(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Ccna, ccna, StringComparison.OrdinalIgnoreCase));
}
