using Integra.Gateway.Portal.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Integra.Gateway.Portal.Accounts;

/// <summary>The answer to a sign-in attempt. The page shows the same words for a wrong e-mail and a wrong password.</summary>
public enum SignInOutcome
{
    Success,
    Failed,
    LockedOut,
}

/// <summary>
/// Checks passwords with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted, versioned
/// hashes that it upgrades on sign-in) and locks an account for <see cref="PortalSettings.LockoutDuration"/> after
/// <see cref="PortalSettings.LockoutThreshold"/> failures in a row: while locked, even the right password is refused.
/// Every attempt goes to the audit trail; no password is ever logged or stored.
/// </summary>
public sealed class SignInService(IPortalStore store, PortalSettings settings, Auditor audit, TimeProvider time)
{
    private static readonly PasswordHasher<PortalUser> Hasher = new();

    // Checked when the e-mail is unknown, so that the answer takes as long as for a known one.
    private static readonly string DecoyHash = Hasher.HashPassword(null!, "decoy-" + Guid.NewGuid());

    public static string Hash(PortalUser user, string password) => Hasher.HashPassword(user, password);

    public async Task<(SignInOutcome Result, PortalUser? User)> SignInAsync(HttpContext? context, string email, string password, CancellationToken cancellationToken)
    {
        var user = await store.FindUserAsync(email.Trim(), cancellationToken);
        var now = time.GetUtcNow();
        var partnerOff = user?.Partner is { } partner && await store.FindPartnerAccessAsync(partner, cancellationToken) is { Disabled: true };
        if (user is null || user.PasswordHash is null || user.Disabled || partnerOff)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash, password);
            await audit.RecordAsync(context, email, user?.Partner, AuditActions.SignInFailed, email, user is null ? "unknown e-mail" : user.Disabled ? "disabled account" : partnerOff ? "partner's portal access disabled" : "no password set");
            return (SignInOutcome.Failed, null);
        }

        if (user.LockedUntil is { } until && until > now)
        {
            await audit.RecordAsync(context, user.Email, user.Partner, AuditActions.SignInLocked, user.Email, $"locked until {until:O}");
            return (SignInOutcome.LockedOut, null);
        }

        var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            // A failure is counted even when the visitor gives up waiting: it happened.
            var failures = await store.CountFailureAsync(user.Id, CancellationToken.None);
            if (failures >= settings.LockoutThreshold)
            {
                var lockedUntil = now + settings.LockoutDuration;
                await store.SetLockoutAsync(user.Id, lockedUntil, 0, CancellationToken.None);
                await audit.RecordAsync(context, user.Email, user.Partner, AuditActions.SignInFailed, user.Email, $"wrong password ({failures} in a row): locked until {lockedUntil:O}");
                return (SignInOutcome.LockedOut, null);
            }

            await audit.RecordAsync(context, user.Email, user.Partner, AuditActions.SignInFailed, user.Email, $"wrong password ({failures} in a row)");
            return (SignInOutcome.Failed, null);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await store.SetPasswordAsync(user.Id, Hash(user, password), cancellationToken);
        }
        else if (user.FailedSignIns > 0 || user.LockedUntil is not null)
        {
            await store.SetLockoutAsync(user.Id, null, 0, cancellationToken);
        }

        await audit.RecordAsync(context, user.Email, user.Partner, AuditActions.SignIn, user.Email);
        return (SignInOutcome.Success, user);
    }
}
