using Integra.Gateway.Rules.Calendar;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Rules.Reference;
using NodaTime;
using NodaTime.Text;

namespace Integra.Gateway.Rules.Tests;

/// <summary>A small, fixed world of partners, accounts and TNs for rule tests, with builders for requests.</summary>
internal static class World
{
    public static readonly Partner Acme = new("ACME", "ACM", "Acme Wireless", PartnerType.Wireless, ["lnp@acme.example"], null, null);
    public static readonly Partner Agent = new("PORTCO", "PRT", "PortCo", PartnerType.Agent, [], null, null);
    public static readonly Partner Voip = new("VOIPCO", "VIP", "Cascade VoIP", PartnerType.Voip, [], 2, 5);

    public static readonly ReferenceData Data = Build();

    public static readonly PolicyOptions Options = new();

    private static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    private static ReferenceData Build()
    {
        var accounts = new[]
        {
            Account("S-OR", "OR", "97201", services: ["POTS"]), // simple, Oregon (Portland, Pacific time)
            Account("S-OR-E", "OR", "97914", services: ["POTS"]), // simple, Oregon (Ontario, Malheur County: Mountain time)
            Account("S-MT", "MT", "59601", services: ["POTS"]), // simple, Montana
            Account("S-AZ", "AZ", "85004", services: ["POTS"]), // simple, Arizona (no DST)
            Account("S-ID", "ID", "83702", services: ["POTS"], zone: "America/Boise"),
            Account("M-MN", "MN", "55401", services: ["POTS", "MULTI"], passcode: "7741"), // 4 working TNs
            Account("C-AZ", "AZ", "85004", services: ["CENTREX"]),
            Account("Q-WA", "WA", "98101", services: ["POTS"]),
            Account("U-OR", "OR", "97301", services: ["POTS"], une: true),
            Account("R-OR", "OR", "97302", services: ["POTS"], reseller: true),
            Account("T-OR", "OR", "97303", services: ["POTS"]), // one working, one disconnected TN
            Account("N-OR", "OR", "97304", services: ["POTS"]), // TN without NPAC record
            Account("O-OR", "OR", "97305", services: ["POTS"]), // TN ported to another carrier in NPAC
            Account("D-OR", "OR", "97306", services: ["POTS"]), // no working TN left
        };
        var tns = new[]
        {
            Tn("5035550101", "S-OR"),
            Tn("5415550101", "S-OR-E"),
            Tn("4065550101", "S-MT"),
            Tn("6025550101", "S-AZ"),
            Tn("2085550101", "S-ID"),
            Tn("6125550101", "M-MN"), Tn("6125550102", "M-MN"), Tn("6125550103", "M-MN"), Tn("6125550104", "M-MN"),
            Tn("6125550105", "M-MN", TnStatus.Disconnected),
            Tn("6025550201", "C-AZ"),
            Tn("2065550101", "Q-WA"),
            Tn("5035550301", "U-OR"),
            Tn("5035550401", "R-OR"),
            Tn("5035550501", "T-OR"), Tn("5035550502", "T-OR", TnStatus.Disconnected),
            Tn("5035550601", "N-OR"),
            Tn("5035550701", "O-OR"),
            Tn("5035550801", "D-OR", TnStatus.Disconnected),
        };
        var npac = tns.Where(t => t.An is not "N-OR").ToDictionary(
            t => t.Tn,
            t => t.An switch { "Q-WA" => "9101", "O-OR" => "5555", _ => "7001" });
        var spids = new[] { new Spid("7001", SpidOwner.Integra, "Integra"), new Spid("9101", SpidOwner.Qwest, "Qwest"), new Spid("5555", SpidOwner.Other, "Other") };
        var states = new Dictionary<string, DateTimeZone>
        {
            ["WA"] = Zone("America/Los_Angeles"),
            ["MT"] = Zone("America/Denver"),
            ["AZ"] = Zone("America/Phoenix"),
            ["MN"] = Zone("America/Chicago"),
            ["ID"] = Zone("America/Los_Angeles"), // accounts in southern Idaho override with America/Boise
        };
        var contacts = new Dictionary<(string, string), string> { [("OR", "Integra Telecom")] = "OR desk" };
        var holidays = Enumerable.Range(2024, 7).SelectMany(UsFederalHolidays.For).Select(h => h.Date);
        // Oregon is split as in the shipped samples: Pacific, except Malheur County (979) on Mountain time.
        var oregon = new[] { new ZipZone("OR", "972", Zone("America/Los_Angeles")), new ZipZone("OR", "973", Zone("America/Los_Angeles")), new ZipZone("OR", "979", Zone("America/Boise")) };
        var zones = new LocalZones(states, ["OR"], oregon);
        return new ReferenceData([Acme, Agent, Voip], accounts, tns, npac, spids, zones, contacts, new BusinessCalendar(holidays));
    }

    private static Account Account(string an, string state, string zip, string[] services, string? passcode = null, bool une = false, bool reseller = false, string? zone = null) =>
        new(an, "Integra Telecom", state, zip, passcode, $"Customer {an}", $"Address {an}", services, une, reseller, zone is null ? null : Zone(zone));

    private static TnRecord Tn(string tn, string an, TnStatus status = TnStatus.Working) => new(tn, an, status);

    public static Instant At(string isoWithOffset) => OffsetDateTimePattern.ExtendedIso.Parse(isoWithOffset).GetValueOrThrow().ToInstant();

    public static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).GetValueOrThrow();

    /// <summary>A complete, valid simple port of S-OR (Oregon) unless overridden; extra TNs make more rows.</summary>
    public static LsrRequest Lsr(Dictionary<Field, string>? overrides = null, params string[] tns)
    {
        var values = new Dictionary<Field, string>
        {
            [Field.Ccna] = "ACM",
            [Field.Pon] = "PON-1",
            [Field.Ver] = "00",
            [Field.Cc] = "ACMW",
            [Field.Nnsp] = "6001",
            [Field.Npdi] = "C",
            [Field.Reqtyp] = "CB",
            [Field.Act] = "V",
            [Field.Ddd] = "2026-03-10",
            [Field.Inittel] = "5035550900",
            [Field.Agauth] = "Y",
            [Field.An] = "S-OR",
            [Field.Zip] = "97201",
            [Field.Tn] = "5035550101",
        };
        foreach (var (field, value) in overrides ?? [])
        {
            values[field] = value;
        }

        return Rebuild(values, tns.Length == 0 ? [values[Field.Tn]] : tns);
    }

    private static LsrRequest Rebuild(Dictionary<Field, string> values, string[] tns)
    {
        var first = FieldValues.Of(values);
        first.Set(Field.Tn, tns[0]);
        var builder = new LsrRequestBuilder(2, first);
        for (var i = 1; i < tns.Length; i++)
        {
            var row = FieldValues.Of(values);
            row.Set(Field.Tn, tns[i]);
            builder.Add(2 + i, row);
        }

        return builder.Build();
    }

    /// <summary>A non-simple port of the four-line Minnesota account with its passcode and authorization fields.</summary>
    public static Dictionary<Field, string> MultiLine(params (Field, string)[] extra)
    {
        var values = new Dictionary<Field, string>
        {
            [Field.An] = "M-MN",
            [Field.Zip] = "55401",
            [Field.Passcode] = "7741",
            [Field.DtSent] = "2026-03-02T09:00:00-06:00",
            [Field.Authnm] = "Pat Jones",
            [Field.Dated] = "2026-02-27",
            [Field.Mi] = "A",
        };
        foreach (var (f, v) in extra)
        {
            values[f] = v;
        }

        return values;
    }

    public static Dictionary<Field, string> With(params (Field, string)[] values) => values.ToDictionary(v => v.Item1, v => v.Item2);

    public static LsrOutcome Decide(LsrRequest request, Instant received, Channel channel = Channel.Sftp, OrderHistory? history = null, string hash = "h1", Partner? partner = null, PolicyOptions? options = null) =>
        new LsrPolicy(Data, options ?? Options).Decide(request, new Receipt(partner ?? Acme, channel, received), history, hash);

    public static IReadOnlyList<string> Codes(LsrOutcome outcome) =>
        outcome.Decision is Reject r ? r.Errors.Select(e => e.Code).ToList() : [];
}

/// <summary>Valid simple-port values for each simple test account.</summary>
internal static class SimpleAccounts
{
    public static Dictionary<Field, string> Of(string an) => an switch
    {
        "S-OR" => World.With((Field.An, "S-OR"), (Field.Zip, "97201"), (Field.Tn, "5035550101")),
        "S-OR-E" => World.With((Field.An, "S-OR-E"), (Field.Zip, "97914"), (Field.Tn, "5415550101")),
        "S-MT" => World.With((Field.An, "S-MT"), (Field.Zip, "59601"), (Field.Tn, "4065550101")),
        "S-AZ" => World.With((Field.An, "S-AZ"), (Field.Zip, "85004"), (Field.Tn, "6025550101")),
        "S-ID" => World.With((Field.An, "S-ID"), (Field.Zip, "83702"), (Field.Tn, "2085550101")),
        _ => throw new ArgumentOutOfRangeException(nameof(an)),
    };
}
