using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Api.Keys;
using Microsoft.Extensions.Time.Testing;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// API keys in the portal (SPEC §8): a partner administrator creates one and sees its secret once, the key works at
/// once with its privileges, the administrator or a staff admin revokes it and the next call is 401; only the hash is
/// kept. A partner user without the administrator role has no key page.
/// </summary>
public sealed partial class ApiKeyPagesTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";

    private PortalHarness _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHarness.StartAsync(time: new FakeTimeProvider(SubmitTests.Monday));

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task An_administrator_creates_a_key_seen_once_that_works_at_once_and_stops_working_when_revoked()
    {
        using var admin = await SignedInAsync("admin@acme.example", PortalRoles.PartnerAdmin, "ACME");

        var created = await PortalHarness.PostFormAsync(admin, "/Partner/ApiKeys", Fields(("name", "order system"), ("privileges", "VIEW")), "/Partner/ApiKeys?handler=Create");
        var page = await created.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(page).Value;
        var listed = await admin.GetStringAsync("/Partner/ApiKeys");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("no-store", created.Headers.CacheControl?.ToString());
        Assert.NotEmpty(token);
        Assert.DoesNotContain(token, listed, StringComparison.Ordinal);
        var key = Assert.Single(await _portal.ApiStore.KeysOfAsync("ACME", CancellationToken.None));
        Assert.Equal(("order system", Privileges.View), (key.Name, key.Privileges));
        Assert.Equal(ApiKeySecret.Hash(token), (await _portal.ApiStore.FindKeyAsync(key.KeyId, CancellationToken.None))!.Value.SecretHash);
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(token)).StatusCode);

        var revoked = await PortalHarness.PostFormAsync(admin, "/Partner/ApiKeys", Fields(("key", key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))), "/Partner/ApiKeys?handler=Revoke");

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var refused = await CallAsync(token);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var audit = await _portal.Store.AuditAsync("ACME", 20, default);
        Assert.Contains(audit, a => a.Action == ApiAuditActions.KeyCreated && a.Actor == "admin@acme.example" && a.Target == key.Actor);
        Assert.Contains(audit, a => a.Action == ApiAuditActions.KeyRevoked && a.Target == key.Actor);
    }

    [Fact]
    public async Task A_staff_admin_revokes_any_partners_key_and_a_partner_user_has_no_key_page()
    {
        var token = await _portal.ApiKeyAsync("BRIDGE", Privileges.View, "bridge poller");
        var key = Assert.Single(await _portal.ApiStore.KeysOfAsync("BRIDGE", CancellationToken.None));
        using var staff = await SignedInAsync("root@integra.example", PortalRoles.Admin, null);
        using var user = await SignedInAsync("user@acme.example", PortalRoles.PartnerUser, "ACME", Privileges.Lsr | Privileges.View);

        Assert.Contains("bridge poller", await staff.GetStringAsync("/Staff/Admin/Partner?id=BRIDGE"), StringComparison.Ordinal);
        var revoked = await PortalHarness.PostFormAsync(staff, "/Staff/Admin/Partner?id=BRIDGE", Fields(("key", key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))), "/Staff/Admin/Partner?id=BRIDGE&handler=RevokeKey");

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(token)).StatusCode);
        Assert.Equal("root@integra.example", Assert.Single(await _portal.ApiStore.KeysOfAsync("BRIDGE", CancellationToken.None)).RevokedBy);
        Assert.NotEqual(HttpStatusCode.OK, (await user.GetAsync("/Partner/ApiKeys")).StatusCode);
    }

    [Fact]
    public async Task A_key_of_a_partner_whose_access_is_off_is_refused_until_it_is_on_again()
    {
        var token = await _portal.ApiKeyAsync("ACME", Privileges.View, "poller");
        using var staff = await SignedInAsync("root@integra.example", PortalRoles.Admin, null);
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(token)).StatusCode);

        var off = await PortalHarness.PostFormAsync(staff, "/Staff/Admin/Partner?id=ACME", Fields(("disabled", "true"), ("reason", "contract ended")), "/Staff/Admin/Partner?id=ACME&handler=Access");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        var refused = await CallAsync(token);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("access to the portal and the API is disabled", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await PortalHarness.PostFormAsync(staff, "/Staff/Admin/Partner?id=ACME", Fields(("disabled", "false"), ("reason", "renewed")), "/Staff/Admin/Partner?id=ACME&handler=Access");
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(token)).StatusCode);
    }

    private async Task<HttpResponseMessage> CallAsync(string token)
    {
        using var client = _portal.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/answers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private async Task<HttpClient> SignedInAsync(string email, string role, string? partner, Privileges privileges = Privileges.Csr | Privileges.Lsr | Privileges.View)
    {
        await _portal.AddUserAsync(email, role, partner, Password, privileges);
        var client = _portal.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHarness.SignInAsync(client, email, Password)).StatusCode);
        return client;
    }

    private static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);

    [GeneratedRegex(@"igk_[0-9a-f]{12}\.[A-Za-z0-9_\-]{43}")]
    private static partial Regex TokenPattern();
}
