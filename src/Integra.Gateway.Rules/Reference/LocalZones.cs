using NodaTime;

namespace Integra.Gateway.Rules.Reference;

/// <summary>
/// What "local" means (SPEC §4 Definitions), from states.csv and zones.csv: an account's own TIMEZONE, else — in a
/// state marked SPLIT — the zone of the longest zones.csv prefix of its ZIP, else its state's zone.
/// </summary>
public sealed class LocalZones
{
    /// <summary>The longest ZIP_PREFIX zones.csv allows (a full 5-digit ZIP); the shortest is 3.</summary>
    public const int MaxPrefixLength = 5;

    /// <summary>The shortest ZIP_PREFIX zones.csv allows: a sectional center (e.g. 979).</summary>
    public const int MinPrefixLength = 3;

    private readonly Dictionary<string, DateTimeZone> _stateZones;
    private readonly HashSet<string> _splitStates;
    private readonly Dictionary<(string State, string Prefix), DateTimeZone> _zipZones;

    /// <param name="stateZones">The zone of each state that has one (states.csv), by 2-letter code.</param>
    /// <param name="splitStates">States marked SPLIT in states.csv; none of them may also have a zone.</param>
    /// <param name="zipZones">zones.csv rows; rows of states that are not SPLIT are kept out of every answer.</param>
    /// <exception cref="ArgumentException">A state is both SPLIT and zoned, or a state and prefix appear twice.</exception>
    public LocalZones(IReadOnlyDictionary<string, DateTimeZone> stateZones, IEnumerable<string> splitStates, IEnumerable<ZipZone> zipZones)
    {
        _stateZones = stateZones.ToDictionary(s => s.Key.ToUpperInvariant(), s => s.Value, StringComparer.Ordinal);
        _splitStates = splitStates.Select(s => s.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        if (_splitStates.FirstOrDefault(_stateZones.ContainsKey) is { } both)
        {
            throw new ArgumentException($"state {both} is both SPLIT and in {_stateZones[both].Id}", nameof(splitStates));
        }

        _zipZones = [];
        foreach (var row in zipZones)
        {
            // Two zones for one prefix would make the answer depend on row order: refuse rather than guess.
            if (!_zipZones.TryAdd((row.State.ToUpperInvariant(), row.ZipPrefix), row.Zone))
            {
                throw new ArgumentException($"zone of {row.State} ZIP prefix {row.ZipPrefix} given twice", nameof(zipZones));
            }
        }
    }

    /// <summary>Whether the state spans two zones (states.csv TIMEZONE <c>SPLIT</c>).</summary>
    public bool IsSplit(string state) => _splitStates.Contains(state.ToUpperInvariant());

    /// <summary>Whether states.csv lists the state at all, with a zone or as SPLIT.</summary>
    public bool IsKnown(string state) => IsSplit(state) || _stateZones.ContainsKey(state.ToUpperInvariant());

    /// <summary>
    /// The zone of a whole state; null for a SPLIT state (it has no single zone, and picking one of its two would
    /// be a guess) and for a state states.csv does not list.
    /// </summary>
    public DateTimeZone? OfState(string state) => _stateZones.GetValueOrDefault(state.ToUpperInvariant());

    /// <summary>
    /// The local zone of an account: its TIMEZONE, else for a SPLIT state the zone of the longest zones.csv prefix
    /// of its ZIP, else its state's. Null when none of these gives one.
    /// </summary>
    public DateTimeZone? Of(Account account) =>
        account.TimeZone ?? (IsSplit(account.State) ? OfZip(account.State, account.Zip) : OfState(account.State));

    /// <summary>Longest prefix first, so a 5-digit row carves a town out of its 3-digit area.</summary>
    private DateTimeZone? OfZip(string state, string zip)
    {
        var key = state.ToUpperInvariant();
        for (var length = Math.Min(MaxPrefixLength, zip.Length); length >= MinPrefixLength; length--)
        {
            if (_zipZones.TryGetValue((key, zip[..length]), out var zone))
            {
                return zone;
            }
        }

        return null;
    }
}
