using Integra.Gateway.Rules.Calendar;
using NodaTime;

namespace Integra.Gateway.Rules.Reference;

/// <summary>
/// Everything the policy looks up (SPEC §3), already parsed and validated. Immutable: the host loads a new
/// instance when the files change.
/// </summary>
public sealed class ReferenceData
{
    private readonly IReadOnlyDictionary<string, Partner> _partners;
    private readonly IReadOnlyDictionary<string, Account> _accounts;
    private readonly IReadOnlyDictionary<string, TnRecord> _tns;
    private readonly ILookup<string, TnRecord> _tnsByAccount;
    private readonly IReadOnlyDictionary<string, string> _npac;
    private readonly IReadOnlyDictionary<string, Spid> _spids;
    private readonly LocalZones _zones;
    private readonly IReadOnlyDictionary<(string State, string Company), string> _contacts;

    public ReferenceData(
        IEnumerable<Partner> partners,
        IEnumerable<Account> accounts,
        IEnumerable<TnRecord> tns,
        IReadOnlyDictionary<string, string> npac,
        IEnumerable<Spid> spids,
        LocalZones zones,
        IReadOnlyDictionary<(string State, string Company), string> contacts,
        BusinessCalendar calendar)
    {
        _partners = partners.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        _accounts = accounts.ToDictionary(a => a.An, StringComparer.Ordinal);
        var tnList = tns.ToList();
        _tns = tnList.ToDictionary(t => t.Tn, StringComparer.Ordinal);
        _tnsByAccount = tnList.ToLookup(t => t.An, StringComparer.Ordinal);
        _npac = npac;
        _spids = spids.ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
        _zones = zones;
        _contacts = contacts;
        Calendar = calendar;
    }

    private ReferenceData(ReferenceData files, IReadOnlyDictionary<string, Partner> partners)
    {
        _partners = partners;
        _accounts = files._accounts;
        _tns = files._tns;
        _tnsByAccount = files._tnsByAccount;
        _npac = files._npac;
        _spids = files._spids;
        _zones = files._zones;
        _contacts = files._contacts;
        Calendar = files.Calendar;
    }

    /// <summary>
    /// These reference data with further partners (approved through the portal's onboarding); a partner of
    /// partners.csv wins over one with the same id. Shares every other table, so it costs the partners only.
    /// </summary>
    public ReferenceData WithPartners(IEnumerable<Partner> more)
    {
        var partners = new Dictionary<string, Partner>(_partners, StringComparer.OrdinalIgnoreCase);
        foreach (var partner in more)
        {
            partners.TryAdd(partner.Id, partner);
        }

        return new ReferenceData(this, partners);
    }

    /// <summary>Business days and holidays (holidays.csv).</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>All partners, in no particular order.</summary>
    public IEnumerable<Partner> Partners => _partners.Values;

    public Partner? Partner(string id) => _partners.GetValueOrDefault(id);

    public Account? Account(string an) => _accounts.GetValueOrDefault(an);

    public TnRecord? Tn(string tn) => _tns.GetValueOrDefault(tn);

    /// <summary>All TNs on an account, in file order.</summary>
    public IEnumerable<TnRecord> TnsOf(string an) => _tnsByAccount[an];

    /// <summary>The NPAC owner record of a TN: null when NPAC has no SPID for it; owner OTHER for unknown SPIDs.</summary>
    public Spid? NpacSpid(string tn)
    {
        if (!_npac.TryGetValue(tn, out var spid))
        {
            return null;
        }

        return _spids.GetValueOrDefault(spid) ?? new Spid(spid, SpidOwner.Other, string.Empty);
    }

    /// <summary>
    /// The local zone of an account (SPEC §4 "Local"): its TIMEZONE, else in a SPLIT state the zone of its ZIP in
    /// zones.csv, else its state's. Null only when none gives one, which the host's loader refuses to start with.
    /// </summary>
    public DateTimeZone? ZoneOf(Account account) => _zones.Of(account);

    /// <summary>The zone of a whole state; null for a state marked SPLIT (no single zone) and for an unknown state.</summary>
    public DateTimeZone? StateZone(string state) => _zones.OfState(state);

    /// <summary>Every CSR/LSR desk of contacts.csv by state and operating company (the portal's contact download).</summary>
    public IEnumerable<(string State, string Company, string Contact)> Contacts =>
        _contacts.Select(c => (c.Key.State, c.Key.Company, c.Value)).OrderBy(c => c.State, StringComparer.Ordinal).ThenBy(c => c.Company, StringComparer.Ordinal);

    /// <summary>The CSR/LSR desk text for a state and operating company; falls back to the state's first entry.</summary>
    public string Contact(string state, string company)
    {
        var key = state.ToUpperInvariant();
        if (_contacts.TryGetValue((key, company), out var exact))
        {
            return exact;
        }

        return _contacts.Where(c => c.Key.State == key).Select(c => c.Value).FirstOrDefault() ?? string.Empty;
    }
}
