using System.Text.Json;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Onboarding;
using Integra.Gateway.Portal.Partners;
using NodaTime;

namespace Integra.Gateway.Storage.PortalAccounts;

/// <summary>The portal's rows as Dapper reads them, and their mapping to the portal's types.</summary>
public sealed partial class PortalStore
{
    private const string UserColumns = "SELECT id, email, name, role, partner, privileges, password_hash, disabled, failed_sign_ins, locked_until, created_at FROM portal_users ";

    private const string ProfileColumns = "SELECT id, source, form, received_at, due_at, state, decided_at, decided_by, reason FROM portal_profiles ";

    private const string AccessColumns = "SELECT partner, disabled, reason, changed_by, changed_at FROM portal_partner_access ";

    /// <summary>E-mail addresses are unique without case.</summary>
    private static string EmailKey(string email) => email.Trim().ToLowerInvariant();

    private static string? Text(DateTimeOffset? at) => at is { } a ? StoreFormats.Text(Instant.FromDateTimeOffset(a)) : null;

    private static string Text(DateTimeOffset at) => StoreFormats.Text(Instant.FromDateTimeOffset(at));

    private static DateTimeOffset Time(string text) => StoreFormats.Instant(text).ToDateTimeOffset();

    private static PortalUser User(UserRow r) => new(
        r.Id,
        r.Email,
        r.Name,
        r.Role,
        r.Partner,
        PrivilegeText.Parse(r.Privileges),
        r.Password_Hash,
        r.Disabled != 0,
        (int)r.Failed_Sign_Ins,
        r.Locked_Until is null ? null : Time(r.Locked_Until),
        Time(r.Created_At));

    private static ProfileSubmission Profile(ProfileRow r) => new(
        r.Id,
        r.Source,
        JsonSerializer.Deserialize<TradingPartnerProfile>(r.Form)!,
        Time(r.Received_At),
        Time(r.Due_At),
        r.State,
        r.Decided_At is null ? null : Time(r.Decided_At),
        r.Decided_By,
        r.Reason);

    private static PartnerAccess Access(AccessRow r) => new(r.Partner, r.Disabled != 0, r.Reason, r.Changed_By, Time(r.Changed_At));

    private static PortalSession Session(SessionRow r) => new(
        r.Ticket,
        r.Id is { } id ? User(new UserRow(id, r.Email!, r.Name!, r.Role!, r.Partner, r.Privileges!, r.Password_Hash, r.Disabled ?? 0, r.Failed_Sign_Ins ?? 0, r.Locked_Until, r.Created_At!)) : null,
        r.Access_Partner is { } partner ? Access(new AccessRow(partner, r.Access_Disabled ?? 0, r.Access_Reason!, r.Access_Changed_By!, r.Access_Changed_At!)) : null);

#pragma warning disable CA1812, IDE1006, CA1707 // Dapper creates the rows; the names are the columns'.
    private sealed record UserRow(long Id, string Email, string Name, string Role, string? Partner, string Privileges, string? Password_Hash, long Disabled, long Failed_Sign_Ins, string? Locked_Until, string Created_At);

    private sealed record ProfileRow(long Id, string Source, string Form, string Received_At, string Due_At, string State, string? Decided_At, string? Decided_By, string? Reason);

    private sealed record AccessRow(string Partner, long Disabled, string Reason, string Changed_By, string Changed_At);

    private sealed record TokenRow(long User_Id, string Expires_At);

    private sealed record SessionRow(
        byte[] Ticket,
        string? Session_Expires_At,
        long? Id,
        string? Email,
        string? Name,
        string? Role,
        string? Partner,
        string? Privileges,
        string? Password_Hash,
        long? Disabled,
        long? Failed_Sign_Ins,
        string? Locked_Until,
        string? Created_At,
        string? Access_Partner,
        long? Access_Disabled,
        string? Access_Reason,
        string? Access_Changed_By,
        string? Access_Changed_At);

    private sealed record PartnerRow(string Id, string Ccna, string Name, string Type, string Emails);

    private sealed record AuditRecord(long Id, string At, string Actor, string? Partner, string Action, string Target, string Detail, string Address)
    {
        public AuditEntry Entry => new(Time(At), Actor, Partner, Action, Target, Detail, Address);
    }
#pragma warning restore CA1812, IDE1006, CA1707
}
