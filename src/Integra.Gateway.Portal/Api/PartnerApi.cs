using Integra.Gateway.Portal.Api.Keys;
using Integra.Gateway.Portal.Security;
using Integra.Gateway.Portal.Webhooks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace Integra.Gateway.Portal.Api;

/// <summary>
/// The partner API (SPEC §8) on the portal's Kestrel: <c>/api/v1</c>, keys as bearer tokens, JSON, problem details for
/// every error, a rate limit per key, and its OpenAPI 3.1 document generated from these endpoints.
/// </summary>
public static class PartnerApi
{
    public const string Base = "/api/v1";

    /// <summary>Where the OpenAPI document is served (and <c>docs/api/openapi.json</c> is a copy of it).</summary>
    public const string DocumentPath = Base + "/openapi.json";

    public static IServiceCollection AddPartnerApi(this IServiceCollection services, IApiStore store)
    {
        services.AddSingleton(store)
            .AddSingleton<ApiIdempotency>()
            .AddSingleton(sp => new ApiKeyAdministration(store, sp.GetRequiredService<Audit.Auditor>(), sp.GetRequiredService<PortalClock>().Time))
            .AddSingleton<ApiRateLimit>()
            .AddSingleton<ApiCallAudit>()
            .AddHostedService(sp => sp.GetRequiredService<ApiCallAudit>());
        services.AddProblemDetails();

        // Numbers are numbers: the web defaults also read "12" as 12, which the document would then describe as
        // "integer or string" and generated clients as a union.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyAuthentication.Policy, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser().RequireClaim(Identity.PartnerClaim));
        services.AddRateLimiter(o => o.AddPolicy<string, ApiRateLimit>(ApiRateLimit.Policy));
        services.AddOpenApi("v1", o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            o.ShouldInclude = d => d.RelativePath?.StartsWith(Base[1..] + "/", StringComparison.Ordinal) == true && d.RelativePath != DocumentPath[1..];
            o.AddDocumentTransformer<ApiDocument>();
        });
        return services;
    }

    /// <summary>
    /// Errors under <c>/api</c> as problem details, not the portal's HTML error pages: an exception is a 500 problem,
    /// and a status without a body (an unknown path, a body the binder refused) gets a problem body.
    /// </summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });

    /// <summary>
    /// Looks up the key every call under <c>/api</c> presents (<see cref="PresentedKey"/>) before the rate limiter, whose
    /// partitioner reads it: a partitioner cannot wait for the database without holding a thread.
    /// </summary>
    public static IApplicationBuilder UsePresentedKey(this IApplicationBuilder app) =>
        app.UseWhen(
            c => c.Request.Path.StartsWithSegments("/api"),
            api => api.Use(async (context, next) =>
            {
                await PresentedKey.OfAsync(context, context.RequestServices.GetRequiredService<IApiStore>());
                await next(context);
            }));

    public static IEndpointRouteBuilder MapPartnerApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        var api = app.MapGroup(Base)
            .RequireAuthorization(ApiKeyAuthentication.Policy)
            .RequireRateLimiting(ApiRateLimit.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithTags("Partner API");
        api.MapSubmissions();
        api.MapReads();

        api.MapWebhookEndpoints();
        return app;
    }
}
