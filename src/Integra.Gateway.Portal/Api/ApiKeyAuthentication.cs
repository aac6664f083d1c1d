using System.Security.Claims;
using System.Text.Encodings.Web;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Api.Keys;
using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Integra.Gateway.Portal.Api;

/// <summary>
/// <c>Authorization: Bearer igk_…</c> (SPEC §8): the key's partner and privileges as the claims a portal user of that
/// partner has (<see cref="Identity.Principal"/>), so the portal's policies and scopes apply unchanged. A key that is
/// unknown, revoked, expired, or of a partner whose portal access is disabled is refused (401, problem details). Every
/// call made with a key is audited with its name and status when the response is complete.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    IApiStore keys,
    Auditor audit,
    ApiCallAudit calls,
    PortalClock clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "api-key";

    /// <summary>The policy of every API endpoint: a key of a partner.</summary>
    public const string Policy = "api-key";

    private const string ProblemItem = "api.auth-problem";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return await RefuseAsync("Send the key as Authorization: Bearer <key>.", keyId: null);
        }

        var presented = await PresentedKey.OfAsync(Context, keys);
        var keyId = presented.KeyId;
        if (presented.Key is not { } key)
        {
            return await RefuseAsync("The key is not a key of this gateway.", keyId);
        }

        if (!key.IsUsable(clock.Now))
        {
            return await RefuseAsync(key.RevokedAt is null ? "The key has expired." : "The key was revoked.", keyId, key.Partner);
        }

        // Read with the key, in the same round trip (IApiStore.FindKeyAsync).
        if (presented.PartnerDisabled)
        {
            return await RefuseAsync("Your company's access to the portal and the API is disabled.", keyId, key.Partner);
        }

        var principal = Identity.Principal(new PortalUser(0, key.Actor, key.Name, PortalRoles.PartnerUser, key.Partner, key.Privileges, null, false, 0, null, key.CreatedAt));
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        var context = Context;
        context.Response.OnCompleted(() =>
            calls.AddAsync(audit.Entry(context, key.Actor, key.Partner, ApiAuditActions.Call, $"{context.Request.Method} {context.Request.Path}", $"status {context.Response.StatusCode}")));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = Context.Items[ProblemItem] as string ?? "Send the key as Authorization: Bearer <key>.";
        await ApiProblems.Write(Context, ApiProblems.Unauthorized(detail));
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await ApiProblems.Write(Context, ApiProblems.Forbidden("This key does not have the privilege for this call."));

    private async Task<AuthenticateResult> RefuseAsync(string detail, string? keyId, string? partner = null)
    {
        Context.Items[ProblemItem] = detail;
        if (keyId is not null)
        {
            await audit.RecordAsync(Context, $"api-key:({keyId})", partner, ApiAuditActions.Refused, $"{Request.Method} {Request.Path}", detail);
        }

        return AuthenticateResult.Fail(detail);
    }
}
