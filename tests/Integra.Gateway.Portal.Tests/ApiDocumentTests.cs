using System.Text.Json.Nodes;
using Integra.Gateway.Portal.Api;
using Integra.Gateway.Tests;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// The OpenAPI 3.1 document of the partner API (SPEC §8) is generated from the code and served; docs/api/openapi.json is
/// its checked-in copy, from which the contract tests' client is generated. The two must not drift apart.
/// </summary>
public sealed class ApiDocumentTests
{
    /// <summary>Set to 1 to rewrite docs/api/openapi.json from the served document instead of comparing.</summary>
    private const string Refresh = "INTEGRA_REFRESH_OPENAPI";

    private static string CheckedIn => Path.Combine(Repo.Root, "docs", "api", "openapi.json");

    [Fact]
    public async Task Served_document_is_the_checked_in_one()
    {
        await using var portal = await PortalHarness.StartAsync();
        using var client = portal.Client();
        var served = await client.GetStringAsync(PartnerApi.DocumentPath);

        if (Environment.GetEnvironmentVariable(Refresh) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CheckedIn)!);
            await File.WriteAllTextAsync(CheckedIn, Normalised(served));
        }

        Assert.True(File.Exists(CheckedIn), $"{CheckedIn} is missing; write it with {Refresh}=1 scripts/test --filter FullyQualifiedName~ApiDocumentTests");
        var checkedIn = await File.ReadAllTextAsync(CheckedIn);
        Assert.True(
            Normalised(served) == Normalised(checkedIn),
            $"The served OpenAPI document differs from docs/api/openapi.json. When the API change is intended, refresh the copy with " +
            $"{Refresh}=1 scripts/test --filter FullyQualifiedName~ApiDocumentTests, rebuild (the contract tests' client is generated from it) and commit it.");
    }

    [Fact]
    public async Task Document_is_openapi_3_1_with_the_bearer_scheme_and_every_call()
    {
        await using var portal = await PortalHarness.StartAsync();
        using var client = portal.Client();
        var document = JsonNode.Parse(await client.GetStringAsync(PartnerApi.DocumentPath))!;

        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["apiKey"]!["scheme"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["/api/v1/answers", "/api/v1/csr", "/api/v1/csr/multipart", "/api/v1/files", "/api/v1/lsr", "/api/v1/orders", "/api/v1/orders/{id}", "/api/v1/webhooks", "/api/v1/webhooks/{id}"], paths);
    }

    // Line endings and the final newline are the editor's, not the API's.
    private static string Normalised(string json) => JsonNode.Parse(json)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
}
