namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Issue 26 item 6: HSTS when the request came over TLS through a known proxy (Portal:KnownProxies). The test client
/// comes from 127.0.0.1, so it is the known proxy in one portal and an unknown address in the other.
/// </summary>
public sealed class HstsTests
{
    [Theory]
    [InlineData("127.0.0.1", "https", true)]
    [InlineData("127.0.0.1", "http", false)]
    [InlineData("10.9.9.9", "https", false)]
    public async Task Hsts_is_sent_only_for_https_forwarded_by_a_known_proxy(string knownProxy, string forwardedProto, bool hsts)
    {
        await using var portal = await PortalHarness.StartAsync(configure: s => s.KnownProxies = [knownProxy]);
        using var client = portal.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/SignIn");
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        using var response = await client.SendAsync(request);

        Assert.Equal(hsts, response.Headers.TryGetValues("Strict-Transport-Security", out var values));
        if (hsts)
        {
            Assert.Equal("max-age=31536000", Assert.Single(values!));
        }
    }

    [Fact]
    public async Task Without_the_header_there_is_no_HSTS()
    {
        await using var portal = await PortalHarness.StartAsync(configure: s => s.KnownProxies = ["127.0.0.1"]);
        using var client = portal.Client();
        using var response = await client.GetAsync("/Account/SignIn");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
