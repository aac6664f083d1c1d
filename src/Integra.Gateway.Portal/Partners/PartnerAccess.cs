namespace Integra.Gateway.Portal.Partners;

/// <summary>
/// A staff admin's switch on a partner's portal access (SPEC §7): while <see cref="Disabled"/>, none of the partner's
/// users signs in and open sessions end. <see cref="Reason"/> is required to switch it off and kept with who and when.
/// Partners without a row have access.
/// </summary>
public sealed record PartnerAccess(string Partner, bool Disabled, string Reason, string ChangedBy, DateTimeOffset ChangedAt);
