using NodaTime;

namespace Integra.Gateway.Rules.Reference;

/// <summary>
/// An Integra end-user account (accounts.csv). <see cref="TimeZone"/> is the account's own TIMEZONE column (null when
/// blank); its local zone, which may come from zones.csv or its state, is <see cref="ReferenceData.ZoneOf"/>.
/// </summary>
public sealed record Account(
    string An,
    string Company,
    string State,
    string Zip,
    string? Passcode,
    string Customer,
    string Address,
    IReadOnlyList<string> Services,
    bool Une,
    bool Reseller,
    DateTimeZone? TimeZone);
