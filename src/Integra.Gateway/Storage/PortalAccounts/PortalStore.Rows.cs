using System.Data.Common;
using System.Text.Json;
using Dapper;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Onboarding;
using NodaTime;

namespace Integra.Gateway.Storage.PortalAccounts;

/// <summary>Reading and writing the portal's rows.</summary>
public sealed partial class PortalStore
{
    private const string UserColumns = "SELECT id, email, name, role, partner, privileges, password_hash, disabled, failed_sign_ins, locked_until, created_at FROM portal_users ";

    private const string ProfileColumns = "SELECT id, source, form, received_at, due_at, state, decided_at, decided_by, reason FROM portal_profiles ";

    /// <summary>E-mail addresses are unique without case.</summary>
    private static string EmailKey(string email) => email.Trim().ToLowerInvariant();

    private static string? Text(DateTimeOffset? at) => at is { } a ? StoreFormats.Text(Instant.FromDateTimeOffset(a)) : null;

    private static string Text(DateTimeOffset at) => StoreFormats.Text(Instant.FromDateTimeOffset(at));

    private static DateTimeOffset Time(string text) => StoreFormats.Instant(text).ToDateTimeOffset();

    private int Execute(string sql, object parameters)
    {
        using var connection = _dialect.Open();
        return connection.Execute(sql, parameters);
    }

    private static long? InsertUser(DbConnection connection, DbTransaction transaction, NewPortalUser user, DateTimeOffset now)
    {
        var key = EmailKey(user.Email);
        if (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM portal_users WHERE email_key = @key", new { key }, transaction) > 0)
        {
            return null;
        }

        return connection.ExecuteScalar<long>(
            "INSERT INTO portal_users (email, email_key, name, role, partner, privileges, created_at) VALUES (@email, @key, @name, @role, @partner, @privileges, @now) RETURNING id",
            new { email = user.Email.Trim(), key, name = user.Name, role = user.Role, partner = user.Partner, privileges = PrivilegeText.Format(user.Privileges), now = Text(now) },
            transaction);
    }

    private List<PortalUser> QueryUsers(string where, object? parameters)
    {
        using var connection = _dialect.Open();
        return connection.Query<UserRow>(UserColumns + where, parameters).Select(r => new PortalUser(
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
                Time(r.Created_At)))
            .ToList();
    }

    private List<ProfileSubmission> QueryProfiles(string where, object? parameters)
    {
        using var connection = _dialect.Open();
        return connection.Query<ProfileRow>(ProfileColumns + where, parameters).Select(r => new ProfileSubmission(
                r.Id,
                r.Source,
                JsonSerializer.Deserialize<TradingPartnerProfile>(r.Form)!,
                Time(r.Received_At),
                Time(r.Due_At),
                r.State,
                r.Decided_At is null ? null : Time(r.Decided_At),
                r.Decided_By,
                r.Reason))
            .ToList();
    }

#pragma warning disable CA1812, IDE1006, CA1707 // Dapper creates the rows; the names are the columns'.
    private sealed record UserRow(long Id, string Email, string Name, string Role, string? Partner, string Privileges, string? Password_Hash, long Disabled, long Failed_Sign_Ins, string? Locked_Until, string Created_At);

    private sealed record ProfileRow(long Id, string Source, string Form, string Received_At, string Due_At, string State, string? Decided_At, string? Decided_By, string? Reason);
#pragma warning restore CA1812, IDE1006, CA1707
}
