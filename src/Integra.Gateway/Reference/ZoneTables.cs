using Integra.Gateway.Rules.Reference;
using NodaTime;

namespace Integra.Gateway.Reference;

/// <summary>states.csv and the optional zones.csv (SPEC §3): which zone is local where.</summary>
internal static class ZoneTables
{
    /// <summary>states.csv TIMEZONE of a state that spans two zones; its accounts take theirs from zones.csv.</summary>
    public const string Split = "SPLIT";

    /// <exception cref="ReferenceDataException">A row is invalid; the message names file and line.</exception>
    public static LocalZones Load(string dir)
    {
        var (zoned, split) = LoadStates(dir);
        return new LocalZones(zoned, split, LoadZipZones(dir));
    }

    private static (Dictionary<string, DateTimeZone> Zoned, HashSet<string> Split) LoadStates(string dir)
    {
        var zoned = new Dictionary<string, DateTimeZone>(StringComparer.Ordinal);
        var split = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in ReferenceTable.Read(dir, "states.csv", "STATE", "TIMEZONE"))
        {
            var state = row.Required("STATE").ToUpperInvariant();
            // A second row would either silently win or contradict the first (a zone and SPLIT): neither is safe.
            if (zoned.ContainsKey(state) || split.Contains(state))
            {
                throw row.Error($"STATE {state} appears twice");
            }

            if (row.Required("TIMEZONE").Equals(Split, StringComparison.OrdinalIgnoreCase))
            {
                split.Add(state);
            }
            else
            {
                zoned[state] = Zone(row);
            }
        }

        return (zoned, split);
    }

    private static List<ZipZone> LoadZipZones(string dir)
    {
        var rows = new List<ZipZone>();
        var seen = new HashSet<(string, string)>();
        foreach (var row in ReferenceTable.ReadOptional(dir, "zones.csv", "STATE", "ZIP_PREFIX", "TIMEZONE"))
        {
            var state = row.Required("STATE").ToUpperInvariant();
            if (state.Length != 2 || !state.All(char.IsAsciiLetter))
            {
                throw row.Error($"STATE '{state}' is not a 2-letter state code");
            }

            var prefix = row.Required("ZIP_PREFIX");
            if (prefix.Length is < LocalZones.MinPrefixLength or > LocalZones.MaxPrefixLength || !prefix.All(char.IsAsciiDigit))
            {
                throw row.Error($"ZIP_PREFIX '{prefix}' must be {LocalZones.MinPrefixLength} to {LocalZones.MaxPrefixLength} digits");
            }

            if (!seen.Add((state, prefix)))
            {
                throw row.Error($"STATE {state} ZIP_PREFIX {prefix} appears twice");
            }

            rows.Add(new ZipZone(state, prefix, Zone(row)));
        }

        return rows;
    }

    private static DateTimeZone Zone(ReferenceRow row)
    {
        var zoneId = row.Required("TIMEZONE");
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? throw row.Error($"TIMEZONE '{zoneId}' is not an IANA time zone");
    }
}
