using System.Net;
using System.Net.Http.Headers;
using Integra.Gateway.Portal.Accounts;
using Microsoft.Extensions.Time.Testing;
using ApiKeySecret = Integra.Gateway.Portal.Api.Keys.ApiKeySecret;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// The rate limit's partition (<see cref="Api.ApiRateLimit"/>): a key's window is its own only with the key's whole
/// token; forged tokens share one window per client address, whatever key id they carry.
/// </summary>
public sealed class ApiRateLimitTests
{
    [Fact]
    public async Task A_known_key_id_with_a_forged_secret_does_not_use_up_that_keys_window()
    {
        await using var portal = await PortalHarness.StartAsync(time: new FakeTimeProvider(SubmitTests.Monday), configure: s => s.ApiPermits = 3);
        var token = await portal.ApiKeyAsync("ACME", Privileges.View);
        var forged = token[..^5] + "AAAAA";
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };

        var forgedStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            forgedStatuses.Add(await Status(http, forged));
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], forgedStatuses);
        Assert.Equal(HttpStatusCode.OK, await Status(http, token));
    }

    [Fact]
    public async Task Random_key_ids_share_one_window_instead_of_opening_one_each()
    {
        await using var portal = await PortalHarness.StartAsync(time: new FakeTimeProvider(SubmitTests.Monday), configure: s => s.ApiPermits = 3);
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await Status(http, ApiKeySecret.New().Token));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private static async Task<HttpStatusCode> Status(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/answers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
