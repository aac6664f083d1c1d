using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Security;
using Integra.Gateway.Portal.Webhooks;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Webhooks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Issue 28 item 3, registration (SPEC §8): a partner administrator registers endpoints on the portal, sees the secret
/// once, switches them off and deletes them; nobody else of the partner may, another partner's endpoint is not found,
/// and a staff admin sees them on the partner's page. The API's <c>/webhooks</c> (MapWebhookEndpoints) does the same
/// through the same registry, for a principal with the partner and VIEW.
/// </summary>
public sealed class WebhookPageTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private PortalHarness _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHarness.StartAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task A_partner_administrator_registers_an_endpoint_sees_its_secret_once_switches_it_off_and_deletes_it()
    {
        using var admin = await SignedInAsync("admin@acme.example", PortalRoles.PartnerAdmin, "ACME");

        var registered = await PortalHarness.PostFormAsync(admin, "/Partner/Webhooks", new Dictionary<string, string> { ["url"] = "https://hooks.acme.example/integra", ["secret"] = string.Empty }, "/Partner/Webhooks?handler=Create");
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var page = await registered.Content.ReadAsStringAsync();
        var secret = System.Text.RegularExpressions.Regex.Match(page, "<code id=\"secret\">(whsec_[A-Za-z0-9_-]{43})</code>").Groups[1].Value;
        Assert.NotEmpty(secret);
        Assert.DoesNotContain(secret, await admin.GetStringAsync("/Partner/Webhooks"), StringComparison.Ordinal);
        var endpoint = Assert.Single((await EndpointsAsync("ACME")));
        Assert.Equal(("https://hooks.acme.example/integra", true), (endpoint.Url, endpoint.Enabled));
        Assert.Contains((await _portal.Store.AuditAsync("ACME", 10, default)), e => e is { Action: WebhookAuditActions.Created, Actor: "admin@acme.example", Target: "https://hooks.acme.example/integra" });

        // Plain http only to loopback; a secret of one's own must be long enough.
        foreach (var (url, secretTyped) in new[] { ("http://hooks.acme.example/integra", string.Empty), ("https://hooks.acme.example/b", "short") })
        {
            var refused = await PortalHarness.PostFormAsync(admin, "/Partner/Webhooks", new Dictionary<string, string> { ["url"] = url, ["secret"] = secretTyped }, "/Partner/Webhooks?handler=Create");
            Assert.Contains("id=\"problem\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var own = await PortalHarness.PostFormAsync(admin, "/Partner/Webhooks", new Dictionary<string, string> { ["url"] = "http://127.0.0.1:9/hook", ["secret"] = "our-own-secret-of-24-chars-or-more" }, "/Partner/Webhooks?handler=Create");
        Assert.Contains("our-own-secret-of-24-chars-or-more", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await EndpointsAsync("ACME")).Count);

        var off = await PortalHarness.PostFormAsync(admin, "/Partner/Webhooks", new Dictionary<string, string> { ["enabled"] = "false" }, $"/Partner/Webhooks?handler=Enable&id={endpoint.Id}");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False((await EndpointsAsync("ACME")).Single(e => e.Id == endpoint.Id).Enabled);
        var deleted = await PortalHarness.PostFormAsync(admin, "/Partner/Webhooks", new Dictionary<string, string>(), $"/Partner/Webhooks?handler=Delete&id={endpoint.Id}");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.DoesNotContain((await EndpointsAsync("ACME")), e => e.Id == endpoint.Id);
        Assert.Contains((await _portal.Store.AuditAsync("ACME", 10, default)), e => e.Action == WebhookAuditActions.Deleted);
    }

    [Fact]
    public async Task Only_the_partners_administrators_manage_its_endpoints_and_staff_see_them_on_the_partners_page()
    {
        var endpoint = await Store.AddAsync("ACME", "https://hooks.acme.example/integra", "whsec_0123456789012345678901234567890123456789012", "admin@acme.example", NodaTime.SystemClock.Instance.GetCurrentInstant(), CancellationToken.None);

        using var user = await SignedInAsync("user@acme.example", PortalRoles.PartnerUser, "ACME");
        var denied = await user.GetAsync("/Partner/Webhooks");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Equal("/Account/Denied", denied.Headers.Location!.AbsolutePath);

        using var other = await SignedInAsync("admin@bridge.example", PortalRoles.PartnerAdmin, "BRIDGE");
        Assert.DoesNotContain("hooks.acme.example", await other.GetStringAsync("/Partner/Webhooks"), StringComparison.Ordinal);
        var foreign = await PortalHarness.PostFormAsync(other, "/Partner/Webhooks", new Dictionary<string, string>(), $"/Partner/Webhooks?handler=Delete&id={endpoint.Id}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Single((await EndpointsAsync("ACME")));

        using var staff = await SignedInAsync("boss@integra.example", PortalRoles.Admin, null);
        var page = await staff.GetStringAsync("/Staff/Admin/Partner?id=ACME");
        Assert.Contains("https://hooks.acme.example/integra", page, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_group_lists_registers_and_deletes_for_a_principal_with_the_partner_and_view()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication("test").AddScheme<AuthenticationSchemeOptions, HeaderPrincipal>("test", null);
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton(new WebhookRegistry(Store, new Auditor(_portal.Store, TimeProvider.System), TimeProvider.System));
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGroup("/api/v1").RequireAuthorization().MapWebhookEndpoints();
        await app.StartAsync();
        using var api = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        HttpRequestMessage Call(HttpMethod method, string path, string partner, string privileges, object? body = null)
        {
            var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Add("X-Partner", partner);
            request.Headers.Add("X-Privileges", privileges);
            return request;
        }

        var created = await api.SendAsync(Call(HttpMethod.Post, "/api/v1/webhooks", "ACME", "VIEW", new { url = "https://hooks.acme.example/api" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("whsec_", json.GetProperty("secret").GetString(), StringComparison.Ordinal);
        var id = json.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/webhooks/{id}", created.Headers.Location!.OriginalString);

        var listed = await (await api.SendAsync(Call(HttpMethod.Get, "/api/v1/webhooks", "ACME", "VIEW"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["https://hooks.acme.example/api"], listed.EnumerateArray().Select(e => e.GetProperty("url").GetString()));
        Assert.False(listed[0].TryGetProperty("secret", out _));

        var bad = await api.SendAsync(Call(HttpMethod.Post, "/api/v1/webhooks", "ACME", "VIEW", new { url = "ftp://x" }));
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (bad.StatusCode, bad.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.Forbidden, (await api.SendAsync(Call(HttpMethod.Get, "/api/v1/webhooks", "ACME", "LSR,CSR"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendAsync(Call(HttpMethod.Delete, $"/api/v1/webhooks/{id}", "BRIDGE", "VIEW"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.SendAsync(Call(HttpMethod.Delete, $"/api/v1/webhooks/{id}", "ACME", "VIEW"))).StatusCode);
        Assert.Empty((await EndpointsAsync("ACME")));
        await app.StopAsync();
    }

    private IWebhookStore Store => _portal.Gateway.Services.GetRequiredService<IWebhookStore>();

    private Task<IReadOnlyList<WebhookEndpoint>> EndpointsAsync(string partner) => Store.EndpointsAsync(partner, CancellationToken.None);

    private async Task<HttpClient> SignedInAsync(string email, string role, string? partner)
    {
        await _portal.AddUserAsync(email, role, partner, Password, Privileges.View | Privileges.Lsr);
        var client = _portal.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHarness.SignInAsync(client, email, Password)).StatusCode);
        return client;
    }

    /// <summary>The API helper's key authentication stands in here: the partner and privileges come from two headers.</summary>
    private sealed class HeaderPrincipal(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var partner = Request.Headers["X-Partner"].ToString();
            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, $"key of {partner}"), new Claim(Identity.PartnerClaim, partner), new Claim(Identity.PrivilegesClaim, Request.Headers["X-Privileges"].ToString())],
                "test");
            return Task.FromResult(partner.Length == 0 ? AuthenticateResult.NoResult() : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), "test")));
        }
    }
}
