using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Integra.Gateway.Portal.Api;

/// <summary>The document's title, version, description and the bearer scheme every operation requires.</summary>
internal sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Integra Gateway partner API",
            Version = "v1",
            Description = "SPEC §8: submit LSRs and CSR requests, read orders and answers. Every error is RFC 9457 problem details; a reject is an answer (200 with REJ rows).",
        };

        // The document is the same on every instance and port: no server URL in it.
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key of the partner (igk_…), created by a partner administrator in the portal.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] }];
        return Task.CompletedTask;
    }
}
