using System.Security.Claims;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Integra.Gateway.Portal.Webhooks;

/// <summary>An endpoint as the API lists it.</summary>
public sealed record WebhookEndpointJson(long Id, string Url, bool Enabled, DateTimeOffset CreatedAt);

/// <summary>A registered endpoint with its secret, shown in this answer only.</summary>
public sealed record WebhookCreatedJson(long Id, string Url, bool Enabled, DateTimeOffset CreatedAt, string Secret);

/// <summary>What a partner posts to register an endpoint; no secret: one is generated.</summary>
public sealed record WebhookCreateJson(string? Url, string? Secret);

/// <summary>
/// <c>/webhooks</c> of the partner API (SPEC §8): list, register and delete the caller's endpoints through
/// <see cref="WebhookRegistry"/>, as the portal's page does. The caller is a principal with the partner claim and
/// the VIEW privilege (webhooks push every answer of the partner's orders, which only VIEW may read); anyone else
/// gets 403, and another partner's endpoint is 404.
/// </summary>
public static class WebhookEndpoints
{
    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        var hooks = api.MapGroup("/webhooks").WithTags("Webhooks");
        hooks.MapGet("/", List).WithName("ListWebhooks");
        hooks.MapPost("/", Create).WithName("CreateWebhook");
        hooks.MapDelete("/{id:long}", Delete).WithName("DeleteWebhook");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<WebhookEndpointJson>>, ProblemHttpResult>> List(ClaimsPrincipal caller, WebhookRegistry registry, CancellationToken cancellationToken) =>
        Partner(caller) is not { } partner
            ? Refused()
            : TypedResults.Ok<IReadOnlyList<WebhookEndpointJson>>((await registry.EndpointsAsync(partner, cancellationToken)).Select(e => new WebhookEndpointJson(e.Id, e.Url, e.Enabled, e.CreatedAt.ToDateTimeOffset())).ToList());

    private static async Task<Results<Created<WebhookCreatedJson>, ProblemHttpResult>> Create(WebhookCreateJson body, ClaimsPrincipal caller, WebhookRegistry registry, HttpContext context, CancellationToken cancellationToken)
    {
        if (Partner(caller) is not { } partner)
        {
            return Refused();
        }

        var result = await registry.RegisterAsync(context, Actor(caller), partner, body.Url, body.Secret, cancellationToken);
        if (result.Endpoint is not { } e)
        {
            return TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status400BadRequest, title: "The endpoint was not registered");
        }

        var path = $"{context.Request.PathBase}{context.Request.Path.Value?.TrimEnd('/')}/{e.Id}";
        return TypedResults.Created(path, new WebhookCreatedJson(e.Id, e.Url, e.Enabled, e.CreatedAt.ToDateTimeOffset(), result.Secret!));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(long id, ClaimsPrincipal caller, WebhookRegistry registry, HttpContext context, CancellationToken cancellationToken) =>
        Partner(caller) is not { } partner
            ? Refused()
            : await registry.DeleteAsync(context, Actor(caller), partner, id, cancellationToken)
                ? TypedResults.NoContent()
                : TypedResults.Problem("No such webhook endpoint.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>The caller's partner when it may manage webhooks (partner claim and VIEW), else null.</summary>
    private static string? Partner(ClaimsPrincipal caller) =>
        caller.FindFirstValue(Identity.PartnerClaim) is { Length: > 0 } partner && PrivilegeText.Parse(caller.FindFirstValue(Identity.PrivilegesClaim)).HasFlag(Privileges.View)
            ? partner
            : null;

    private static string Actor(ClaimsPrincipal caller) => caller.Identity?.Name ?? "api";

    private static ProblemHttpResult Refused() =>
        TypedResults.Problem("Webhooks need a key of the partner with the VIEW privilege.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
}
