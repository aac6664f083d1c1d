using Dapper;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Storage.PortalAccounts;

/// <summary>Accounts, their sign-in failures and lockouts, and their one-time tokens.</summary>
public sealed partial class PortalStore
{
    public Task<PortalUser?> FindUserAsync(long id, CancellationToken cancellationToken) =>
        QuerySingleAsync<UserRow, PortalUser>("portal: user", UserColumns + "WHERE id = @id", new { id }, User, cancellationToken);

    public Task<PortalUser?> FindUserAsync(string email, CancellationToken cancellationToken) =>
        QuerySingleAsync<UserRow, PortalUser>("portal: user", UserColumns + "WHERE email_key = @key", new { key = EmailKey(email) }, User, cancellationToken);

    public Task<IReadOnlyList<PortalUser>> UsersOfAsync(string? partner, CancellationToken cancellationToken) =>
        partner is null
            ? QueryAsync<UserRow, PortalUser>("portal: users", UserColumns + "WHERE partner IS NULL ORDER BY email_key", null, User, cancellationToken)
            : QueryAsync<UserRow, PortalUser>("portal: users", UserColumns + "WHERE partner = @partner ORDER BY email_key", new { partner }, User, cancellationToken);

    public Task<PortalUser?> AddUserAsync(NewPortalUser user, DateTimeOffset now, CancellationToken cancellationToken) =>
        stores.RunAsync("portal: add user", async (uow, token) =>
        {
            await using var transaction = await uow.BeginAsync(token).ConfigureAwait(false);
            var id = await InsertUserAsync(uow, user, now, token).ConfigureAwait(false);
            if (id is null)
            {
                return null;
            }

            var added = await uow.Connection.QuerySingleAsync<UserRow>(uow.Command(UserColumns + "WHERE id = @id", new { id }, token)).ConfigureAwait(false);
            await transaction.CommitAsync(token).ConfigureAwait(false);
            return User(added);
        }, cancellationToken);

    public Task SetPrivilegesAsync(long userId, Privileges privileges, CancellationToken cancellationToken) =>
        ExecuteAsync("portal: privileges", "UPDATE portal_users SET privileges = @p WHERE id = @userId", new { userId, p = PrivilegeText.Format(privileges) }, cancellationToken);

    public Task SetDisabledAsync(long userId, bool disabled, CancellationToken cancellationToken) =>
        ExecuteAsync("portal: disable user", "UPDATE portal_users SET disabled = @d WHERE id = @userId", new { userId, d = disabled ? 1L : 0L }, cancellationToken);

    public Task SetPasswordAsync(long userId, string hash, CancellationToken cancellationToken) =>
        ExecuteAsync("portal: password", "UPDATE portal_users SET password_hash = @hash, failed_sign_ins = 0, locked_until = NULL WHERE id = @userId", new { userId, hash }, cancellationToken);

    public Task<int> CountFailureAsync(long userId, CancellationToken cancellationToken) =>
        stores.RunAsync(
            "portal: sign-in failure",
            async (uow, token) => (int)await uow.Connection.ExecuteScalarAsync<long>(uow.Command("UPDATE portal_users SET failed_sign_ins = failed_sign_ins + 1 WHERE id = @userId RETURNING failed_sign_ins", new { userId }, token)).ConfigureAwait(false),
            cancellationToken);

    public Task SetLockoutAsync(long userId, DateTimeOffset? until, int failures, CancellationToken cancellationToken) =>
        ExecuteAsync("portal: lockout", "UPDATE portal_users SET locked_until = @until, failed_sign_ins = @failures WHERE id = @userId", new { userId, until = Text(until), failures = (long)failures }, cancellationToken);

    public Task AddTokenAsync(string tokenHash, long userId, string purpose, DateTimeOffset expires, CancellationToken cancellationToken) =>
        ExecuteAsync("portal: add token", "INSERT INTO portal_tokens (token_hash, user_id, purpose, expires_at) VALUES (@tokenHash, @userId, @purpose, @expires)", new { tokenHash, userId, purpose, expires = Text(expires) }, cancellationToken);

    public async Task<long?> PeekTokenAsync(string tokenHash, string purpose, DateTimeOffset now, CancellationToken cancellationToken) =>
        Live(await QuerySingleAsync<TokenRow, TokenRow>(
            "portal: token",
            "SELECT user_id, expires_at FROM portal_tokens WHERE token_hash = @tokenHash AND purpose = @purpose AND used_at IS NULL",
            new { tokenHash, purpose },
            r => r,
            cancellationToken).ConfigureAwait(false), now);

    public async Task<long?> UseTokenAsync(string tokenHash, string purpose, DateTimeOffset now, CancellationToken cancellationToken) =>
        Live(await QuerySingleAsync<TokenRow, TokenRow>(
            "portal: use token",
            "UPDATE portal_tokens SET used_at = @now WHERE token_hash = @tokenHash AND purpose = @purpose AND used_at IS NULL RETURNING user_id, expires_at",
            new { tokenHash, purpose, now = Text(now) },
            r => r,
            cancellationToken).ConfigureAwait(false), now);

    public Task RevokeTokensAsync(long userId, string purpose, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync("portal: revoke tokens", "UPDATE portal_tokens SET used_at = @now WHERE user_id = @userId AND purpose = @purpose AND used_at IS NULL", new { userId, purpose, now = Text(now) }, cancellationToken);

    private static long? Live(TokenRow? row, DateTimeOffset now) => row is { } r && Time(r.Expires_At) > now ? r.User_Id : null;

    private static async Task<long?> InsertUserAsync(Sessions.IUnitOfWork uow, NewPortalUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = EmailKey(user.Email);
        if (await uow.Connection.ExecuteScalarAsync<long>(uow.Command("SELECT COUNT(*) FROM portal_users WHERE email_key = @key", new { key }, cancellationToken)).ConfigureAwait(false) > 0)
        {
            return null;
        }

        return await uow.Connection.ExecuteScalarAsync<long>(uow.Command(
            "INSERT INTO portal_users (email, email_key, name, role, partner, privileges, created_at) VALUES (@email, @key, @name, @role, @partner, @privileges, @now) RETURNING id",
            new { email = user.Email.Trim(), key, name = user.Name, role = user.Role, partner = user.Partner, privileges = PrivilegeText.Format(user.Privileges), now = Text(now) },
            cancellationToken)).ConfigureAwait(false);
    }
}
