using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Api.Keys;
using Integra.Gateway.Portal.Tests.ApiClient;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Integra.Gateway.Portal.Tests;

/// <summary>The harness's part for the partner API (issue 28): keys, and clients generated from docs/api/openapi.json.</summary>
internal sealed partial class PortalHarness
{
    /// <summary>The API's tables, as the portal has them.</summary>
    public IApiStore ApiStore => App.Services.GetRequiredService<IApiStore>();

    /// <summary>A new key of <paramref name="partner"/>, as a partner administrator creates it; returns its token.</summary>
    public async Task<string> ApiKeyAsync(string partner, Privileges privileges, string name = "test system", DateTimeOffset? expiresAt = null)
    {
        var (keyId, token, hash) = ApiKeySecret.New();
        await ApiStore.AddKeyAsync(new NewApiKey(partner, name, keyId, hash, privileges, "admin@" + partner.ToLowerInvariant() + ".example", Time.GetUtcNow(), expiresAt), CancellationToken.None);
        return token;
    }

    /// <summary>The generated client on this portal, sending <paramref name="token"/> as its bearer key (null: none).</summary>
    public PartnerApiClient ApiClient(string? token) => new(ApiAdapter(token));

    /// <summary>The request adapter under <see cref="ApiClient"/>, for a request the generated builders cannot make (a body that is not JSON).</summary>
    public HttpClientRequestAdapter ApiAdapter(string? token) =>
        new(new BearerKey(token), httpClient: KiotaClientFactory.Create()) { BaseUrl = BaseUrl };

    /// <summary>
    /// The key as <c>Authorization: Bearer</c>. Kiota's own bearer provider sends tokens only over https; the tests'
    /// portal is plain http on loopback.
    /// </summary>
    private sealed class BearerKey(string? token) : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            if (token is not null)
            {
                request.Headers.Add("Authorization", $"Bearer {token}");
            }

            return Task.CompletedTask;
        }
    }
}
