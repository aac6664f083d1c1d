using NodaTime;

namespace Integra.Gateway.Rules.Reference;

/// <summary>An Integra end-user account (accounts.csv). <see cref="TimeZone"/> overrides the state's zone.</summary>
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
