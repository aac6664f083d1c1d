using Integra.Gateway.Rules.Calendar;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Reference;
using NodaTime;
using NodaTime.Text;

namespace Integra.Gateway.Reference;

/// <summary>Loads and validates the reference files of SPEC §3 from one directory.</summary>
public static class ReferenceDataLoader
{
    /// <exception cref="ReferenceDataException">A file is missing or a row is invalid; the message names file and line.</exception>
    public static ReferenceData Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ReferenceDataException($"{directory}: reference data directory not found");
        }

        var zones = ZoneTables.Load(directory);
        return new ReferenceData(
            LoadPartners(directory),
            LoadAccounts(directory, zones),
            LoadTns(directory),
            LoadNpac(directory),
            LoadSpids(directory),
            zones,
            LoadContacts(directory),
            new BusinessCalendar(LoadHolidays(directory)));
    }

    private static List<Partner> LoadPartners(string dir)
    {
        var partners = new List<Partner>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in ReferenceTable.Read(dir, "partners.csv", "PARTNER", "CCNA", "NAME", "TYPE", "EMAIL", "SIMPLE_INTERVAL", "NONSIMPLE_INTERVAL"))
        {
            var id = row.Required("PARTNER");
            if (!ids.Add(id))
            {
                throw row.Error($"PARTNER {id} appears twice");
            }

            if (id.IndexOfAny(['/', '\\']) >= 0 || id is "." or "..")
            {
                throw row.Error($"PARTNER '{id}' may not contain path characters");
            }

            partners.Add(new Partner(
                id,
                row.Required("CCNA"),
                row["NAME"],
                ParseEnum<PartnerType>(row, "TYPE"),
                row["EMAIL"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                OptionalInt(row, "SIMPLE_INTERVAL"),
                OptionalInt(row, "NONSIMPLE_INTERVAL")));
        }

        return partners;
    }

    /// <summary>Every account; those without a local zone (SPEC §4) are named together, so one fix finds them all.</summary>
    private static List<Account> LoadAccounts(string dir, LocalZones zones)
    {
        var accounts = new List<Account>();
        var unresolved = new List<string>();
        foreach (var row in ReferenceTable.Read(dir, "accounts.csv", "AN", "COMPANY", "STATE", "ZIP", "PASSCODE", "CUSTOMER", "ADDRESS", "SERVICES", "UNE", "RESELLER", "TIMEZONE"))
        {
            var state = row.Required("STATE").ToUpperInvariant();
            var zoneId = row["TIMEZONE"];
            DateTimeZone? zone = null;
            if (zoneId.Length > 0)
            {
                zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? throw row.Error($"TIMEZONE '{zoneId}' is not an IANA time zone");
            }
            else if (!zones.IsKnown(state))
            {
                throw row.Error($"STATE {state} has no TIMEZONE in states.csv and the account names none");
            }

            var passcode = row["PASSCODE"];
            var account = new Account(
                row.Required("AN"),
                row["COMPANY"],
                state,
                row["ZIP"],
                passcode.Length == 0 ? null : passcode,
                row["CUSTOMER"],
                row["ADDRESS"],
                row["SERVICES"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                YesNo(row, "UNE"),
                YesNo(row, "RESELLER"),
                zone);
            if (zones.Of(account) is null)
            {
                unresolved.Add($"{account.An} ({state}, ZIP {(account.Zip.Length > 0 ? account.Zip : "blank")}, line {row.Line})");
            }

            accounts.Add(account);
        }

        // Only a SPLIT state can leave an account without a zone here; guessing one of its two zones would move
        // cutoffs and due dates by an hour or a day, so the data is refused until someone decides (SPEC §4).
        return unresolved.Count == 0
            ? accounts
            : throw new ReferenceDataException($"accounts.csv: account(s) in split-zone states with no zone: {string.Join(", ", unresolved)}; give TIMEZONE or add a zones.csv row");
    }

    private static List<TnRecord> LoadTns(string dir) =>
        ReferenceTable.Read(dir, "tns.csv", "TN", "AN", "STATUS")
            .Select(row => new TnRecord(Tn(row, "TN"), row.Required("AN"), ParseEnum<TnStatus>(row, "STATUS")))
            .ToList();

    private static Dictionary<string, string> LoadNpac(string dir) =>
        ReferenceTable.Read(dir, "npac.csv", "TN", "SPID")
            .Select(row => (Tn: Tn(row, "TN"), Spid: row.Required("SPID")))
            .GroupBy(x => x.Tn)
            .ToDictionary(g => g.Key, g => g.Last().Spid, StringComparer.Ordinal);

    private static List<Spid> LoadSpids(string dir) =>
        ReferenceTable.Read(dir, "spids.csv", "SPID", "OWNER", "NAME")
            .Select(row => new Spid(row.Required("SPID"), ParseEnum<SpidOwner>(row, "OWNER"), row["NAME"]))
            .ToList();

    private static Dictionary<(string State, string Company), string> LoadContacts(string dir)
    {
        var contacts = new Dictionary<(string, string), string>();
        foreach (var row in ReferenceTable.Read(dir, "contacts.csv", "STATE", "COMPANY", "CONTACT"))
        {
            contacts[(row.Required("STATE").ToUpperInvariant(), row["COMPANY"])] = row["CONTACT"];
        }

        return contacts;
    }

    private static List<LocalDate> LoadHolidays(string dir) =>
        ReferenceTable.Read(dir, "holidays.csv", "DATE", "NAME")
            .Select(row =>
            {
                var text = row.Required("DATE");
                var parsed = LocalDatePattern.Iso.Parse(text);
                return parsed.Success ? parsed.Value : throw row.Error($"DATE '{text}' is not a yyyy-MM-dd date");
            })
            .ToList();

    private static string Tn(ReferenceRow row, string column)
    {
        var raw = row.Required(column);
        return TelephoneNumber.TryNormalize(raw, out var tn) ? tn : throw row.Error($"{column} '{raw}' is not a 10-digit NANP number");
    }

    private static T ParseEnum<T>(ReferenceRow row, string column)
        where T : struct, Enum
    {
        var raw = row.Required(column);
        return Enum.TryParse<T>(raw, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(raw[0])
            ? value
            : throw row.Error($"{column} '{raw}' must be one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToUpperInvariant()))}");
    }

    private static bool YesNo(ReferenceRow row, string column) => row[column].ToUpperInvariant() switch
    {
        "Y" => true,
        "N" or "" => false,
        var other => throw row.Error($"{column} '{other}' must be Y or N"),
    };

    private static int? OptionalInt(ReferenceRow row, string column)
    {
        var raw = row[column];
        if (raw.Length == 0)
        {
            return null;
        }

        return int.TryParse(raw, out var n) && n >= 0 ? n : throw row.Error($"{column} '{raw}' must be a whole number of business days");
    }
}
