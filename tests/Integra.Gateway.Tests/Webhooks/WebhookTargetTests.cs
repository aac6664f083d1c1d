using System.Net;
using Integra.Gateway.Storage.Webhooks;
using Integra.Gateway.Webhooks;
using NodaTime;
using NodaTime.Testing;

namespace Integra.Gateway.Tests.Webhooks;

/// <summary>
/// The SSRF guard of deliveries (<see cref="WebhookTargets"/>): a partner's URL may name any host, but a delivery
/// connects only to a public address; loopback only when <see cref="WebhookSettings.AllowLoopback"/> says so.
/// </summary>
public sealed class WebhookTargetTests
{
    private const string Secret = "whsec_target-test-secret-0123456789abcdef";

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2002:a00:1::1")]
    public void Private_link_local_loopback_and_multicast_addresses_are_refused(string address) =>
        Assert.False(WebhookTargets.IsAllowed(IPAddress.Parse(address), allowLoopback: false));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("203.0.114.7")]
    [InlineData("2001:4860:4860::8888")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.True(WebhookTargets.IsAllowed(IPAddress.Parse(address), allowLoopback: false));

    [Fact]
    public void Loopback_is_allowed_only_by_the_development_setting()
    {
        Assert.True(WebhookTargets.IsAllowed(IPAddress.Loopback, allowLoopback: true));
        Assert.True(WebhookTargets.IsAllowed(IPAddress.IPv6Loopback, allowLoopback: true));
        Assert.False(WebhookTargets.IsAllowed(IPAddress.Parse("10.0.0.1"), allowLoopback: true));
    }

    [Theory]
    [InlineData("http://127.0.0.1:{0}/hook")]
    [InlineData("http://localhost:{0}/hook")]
    [InlineData("http://[::ffff:127.0.0.1]:{0}/hook")]
    public async Task The_production_client_never_connects_to_a_loopback_receiver_by_address_or_by_name(string url)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var port = new Uri(receiver.Url).Port;
        using var http = WebhookRegistration.Client(new WebhookSettings());

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, port), new StringContent("{}")));

        Assert.IsType<WebhookTargetRefusedException>(e.InnerException);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task A_delivery_to_a_refused_address_is_a_failed_attempt_that_names_why_and_posts_nothing()
    {
        using var cli = new CliHarness();
        await using var receiver = await WebhookReceiver.StartAsync();
        using var hooks = new WebhookHarness(cli.Db, new FakeClock(Instant.FromUtc(2026, 3, 2, 19, 30)), allowLoopback: false);
        await hooks.Endpoints.AddAsync("BRIDGE", receiver.Url, Secret, "admin@bridge.example", hooks.Clock.GetCurrentInstant(), CancellationToken.None);
        Assert.Equal(0, await cli.Process("BRIDGE", "2026-03-02T12:30:00-07:00", Path.Combine(Repo.SampleDrop("BRIDGE"), "bridge-0302.lsr.csv")));

        Assert.Equal(2, await hooks.RoundAsync());

        Assert.Empty(receiver.Received);
        Assert.Equal(2, hooks.DeliveriesByState()[WebhookDeliveryState.Pending]);
        Assert.Contains(hooks.Log.AllText(), t => t.Contains("refused: 127.0.0.1 is 127.0.0.1, not a public address", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_test_setting_still_delivers_to_a_loopback_receiver()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var http = WebhookRegistration.Client(new WebhookSettings { AllowLoopback = true });

        using var response = await http.PostAsync(receiver.Url, new StringContent("{}"));

        Assert.True(response.IsSuccessStatusCode);
    }
}
