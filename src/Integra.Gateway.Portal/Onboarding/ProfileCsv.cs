using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Integra.Gateway.Portal.Documents;

namespace Integra.Gateway.Portal.Onboarding;

/// <summary>
/// The Trading Partner Profile as CSV: one header row of the form's fields and one row of values. The download is
/// the template (a blank row); a filled-in copy e-mailed to the access-request address is read back by <see cref="Read"/>.
/// </summary>
public static class ProfileCsv
{
    private static readonly (string Column, Func<TradingPartnerProfile, string> Get, Action<TradingPartnerProfile, string> Set)[] Columns =
    [
        ("COMPANY", p => p.Company, (p, v) => p.Company = v),
        ("CCNA", p => p.Ccna, (p, v) => p.Ccna = v),
        ("TYPE", p => p.PartnerType, (p, v) => p.PartnerType = v.ToUpperInvariant()),
        ("SPIDS", p => p.Spids, (p, v) => p.Spids = v),
        ("ADMIN1_NAME", p => p.Admin1Name, (p, v) => p.Admin1Name = v),
        ("ADMIN1_EMAIL", p => p.Admin1Email, (p, v) => p.Admin1Email = v),
        ("ADMIN1_PHONE", p => p.Admin1Phone, (p, v) => p.Admin1Phone = v),
        ("ADMIN2_NAME", p => p.Admin2Name, (p, v) => p.Admin2Name = v),
        ("ADMIN2_EMAIL", p => p.Admin2Email, (p, v) => p.Admin2Email = v),
        ("ADMIN2_PHONE", p => p.Admin2Phone, (p, v) => p.Admin2Phone = v),
        ("CHANNEL", p => p.Channel, (p, v) => p.Channel = v.ToUpperInvariant()),
        ("ESCALATION", p => p.Escalation, (p, v) => p.Escalation = v),
    ];

    public static IReadOnlyList<string> Header { get; } = Columns.Select(c => c.Column).ToList();

    public static byte[] Template() => CsvDocument.Write(Header, [Header.Select(_ => string.Empty).ToList()]);

    /// <summary>The profiles of a filled-in form file (one per data row); a missing column is read as blank.</summary>
    public static IReadOnlyList<TradingPartnerProfile> Read(TextReader text)
    {
        using var csv = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, MissingFieldFound = null, PrepareHeaderForMatch = a => a.Header.Trim().ToUpperInvariant() });
        csv.Read();
        csv.ReadHeader();
        var profiles = new List<TradingPartnerProfile>();
        while (csv.Read())
        {
            var profile = new TradingPartnerProfile();
            foreach (var (column, _, set) in Columns)
            {
                set(profile, csv.GetField(column) ?? string.Empty);
            }

            if (Header.Any(h => csv.GetField(h) is { Length: > 0 }))
            {
                profiles.Add(profile);
            }
        }

        return profiles;
    }
}
