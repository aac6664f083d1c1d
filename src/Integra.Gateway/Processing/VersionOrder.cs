using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Processing;

/// <summary>
/// S12: within one file, the requests of one PON are decided in VER order, lowest first, whatever their order in
/// the file — a SUP 2 written above its initial request would otherwise be S1's "no earlier version", and the
/// initial request after it S8's "lower VER". Each PON's versions take the places its rows had in the file, so
/// requests of different PONs keep their file order, and so do the answers.
/// </summary>
internal static class VersionOrder
{
    public static IReadOnlyList<LsrRequest> Of(IReadOnlyList<LsrRequest> requests)
    {
        var byPon = requests.GroupBy(Key).Where(g => g.Skip(1).Any()).ToList();
        if (byPon.Count == 0)
        {
            return requests;
        }

        var ordered = requests.ToArray();
        var places = requests.Select((r, i) => (r, i)).ToLookup(p => Key(p.r), p => p.i);
        foreach (var pon in byPon)
        {
            // A stable sort: versions sent twice keep their file order (S7/S8 judge the second against the first).
            var versions = pon.OrderBy(r => r.Ver, StringComparer.Ordinal).ToList();
            var slots = places[pon.Key].ToList();
            for (var i = 0; i < slots.Count; i++)
            {
                ordered[slots[i]] = versions[i];
            }
        }

        return ordered;
    }

    private static (string Ccna, string Pon) Key(LsrRequest request) => (request.Ccna.ToUpperInvariant(), request.Pon);
}
