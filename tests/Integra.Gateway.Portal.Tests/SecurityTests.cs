using System.Net;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Portal.Tests;

/// <summary>SPEC §7 security, over HTTP against the real portal on a loopback port.</summary>
public sealed class SecurityTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private PortalHarness _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHarness.StartAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task A_form_post_without_the_anti_forgery_token_is_refused()
    {
        await _portal.AddUserAsync("desk@integra.example", PortalRoles.Desk, null, Password);
        using var client = _portal.Client();
        await client.GetAsync("/Account/SignIn");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "desk@integra.example", ["password"] = Password });

        var response = await client.PostAsync("/Account/SignIn", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("integra.session", StringComparison.Ordinal)));
        Assert.DoesNotContain((await _portal.Store.AuditAsync(null, 10, default)), e => e.Action == "sign-in");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_15_minutes_even_for_the_right_one()
    {
        await _portal.AddUserAsync("user@acme.example", PortalRoles.PartnerUser, "ACME", Password, Privileges.View);
        using var client = _portal.Client();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await PortalHarness.SignInAsync(client, "user@acme.example", "wrong password " + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var sixth = await PortalHarness.SignInAsync(client, "user@acme.example", Password);
        Assert.Contains("locked", await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);

        _portal.Time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await PortalHarness.SignInAsync(client, "user@acme.example", Password)).StatusCode);

        _portal.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var after = await PortalHarness.SignInAsync(client, "user@acme.example", Password);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);

        var audit = await _portal.Store.AuditAsync(null, 100, default);
        Assert.Equal(5, audit.Count(e => e.Action == "sign-in-failed"));
        Assert.Equal(2, audit.Count(e => e.Action == "sign-in-locked"));
        Assert.Single(audit, e => e.Action == "sign-in");
    }

    [Fact]
    public async Task A_partner_administrator_never_reaches_another_partners_user()
    {
        await _portal.AddUserAsync("admin@acme.example", PortalRoles.PartnerAdmin, "ACME", Password);
        var bridgeUser = await _portal.AddUserAsync("user@bridge.example", PortalRoles.PartnerUser, "BRIDGE", Password, Privileges.Lsr);
        var acmeUser = await _portal.AddUserAsync("user@acme.example", PortalRoles.PartnerUser, "ACME", Password, Privileges.Lsr);
        using var client = _portal.Client();
        await PortalHarness.SignInAsync(client, "admin@acme.example", Password);

        var list = await client.GetStringAsync("/Partner/Users");
        Assert.Contains("user@acme.example", list, StringComparison.Ordinal);
        Assert.DoesNotContain("bridge", list, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Partner/Users/Edit?id={acmeUser.Id}")).StatusCode);
        var other = await client.GetAsync($"/Partner/Users/Edit?id={bridgeUser.Id}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("bridge", await other.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal((await client.GetAsync("/Partner/Users/Edit?id=999999")).StatusCode, other.StatusCode);

        // Every handler that takes an id refuses the other partner's: nothing changes.
        var disable = await PortalHarness.PostFormAsync(client, $"/Partner/Users/Edit?id={acmeUser.Id}", new Dictionary<string, string> { ["disabled"] = "true" }, $"/Partner/Users/Edit?id={bridgeUser.Id}&handler=Disable");
        var privileges = await PortalHarness.PostFormAsync(client, $"/Partner/Users/Edit?id={acmeUser.Id}", new Dictionary<string, string> { ["privileges"] = "VIEW" }, $"/Partner/Users/Edit?id={bridgeUser.Id}&handler=Privileges");
        var reset = await PortalHarness.PostFormAsync(client, $"/Partner/Users/Edit?id={acmeUser.Id}", new Dictionary<string, string>(), $"/Partner/Users/Edit?id={bridgeUser.Id}&handler=Reset");
        Assert.All(new[] { disable, privileges, reset }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(bridgeUser, (await _portal.Store.FindUserAsync(bridgeUser.Id, default)));
        Assert.Empty(_portal.Mails());
    }

    [Fact]
    public async Task Partner_users_and_visitors_do_not_reach_the_staff_pages_or_the_audit_trail()
    {
        await _portal.AddUserAsync("admin@acme.example", PortalRoles.PartnerAdmin, "ACME", Password);
        using var anonymous = _portal.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/Staff/Audit?handler=Csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/Partner/Users")).StatusCode);

        using var partner = _portal.Client();
        await PortalHarness.SignInAsync(partner, "admin@acme.example", Password);
        var staff = await partner.GetAsync("/Staff/Audit?handler=Csv");
        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
        Assert.StartsWith("/Account/Denied", staff.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookies_are_HttpOnly_and_SameSite_and_responses_carry_CSP_and_frame_denial()
    {
        await _portal.AddUserAsync("desk@integra.example", PortalRoles.Desk, null, Password);
        using var client = _portal.Client();
        var page = await client.GetAsync("/Account/SignIn");
        var signIn = await PortalHarness.SignInAsync(client, "desk@integra.example", Password);

        var cookies = page.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("integra.session=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("integra.af=", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", c, StringComparison.OrdinalIgnoreCase);
        });

        foreach (var response in new[] { page, signIn, await client.GetAsync("/Docs/Rejects?handler=Csv"), await client.GetAsync("/nothing-here") })
        {
            var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
    }

    [Fact]
    public async Task Outside_loopback_the_cookies_are_Secure_behind_the_TLS_proxy()
    {
        await using var portal = await PortalHarness.StartAsync(listen: "http://0.0.0.0:0");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(portal.BaseUrl.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)) };

        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var page = await client.GetAsync("/Account/SignIn");

        var cookie = Assert.Single(page.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("integra.af=", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_out_and_disabling_end_the_session_at_once()
    {
        await _portal.AddUserAsync("admin@acme.example", PortalRoles.PartnerAdmin, "ACME", Password);
        var user = await _portal.AddUserAsync("user@acme.example", PortalRoles.PartnerUser, "ACME", Password, Privileges.View);
        using var userClient = _portal.Client();
        await PortalHarness.SignInAsync(userClient, "user@acme.example", Password);
        Assert.Equal(HttpStatusCode.OK, (await userClient.GetAsync("/Docs")).StatusCode);

        using var admin = _portal.Client();
        await PortalHarness.SignInAsync(admin, "admin@acme.example", Password);
        await PortalHarness.PostFormAsync(admin, $"/Partner/Users/Edit?id={user.Id}", new Dictionary<string, string> { ["disabled"] = "true" }, $"/Partner/Users/Edit?id={user.Id}&handler=Disable");

        Assert.Equal(HttpStatusCode.Redirect, (await userClient.GetAsync("/Docs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PortalHarness.SignInAsync(userClient, "user@acme.example", Password)).StatusCode);

        var signOut = await PortalHarness.PostFormAsync(admin, "/Account/SignOut", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync("/Partner/Users")).StatusCode);
    }

    [Fact]
    public async Task No_password_token_or_link_appears_in_a_log_line()
    {
        using var client = _portal.Client();
        var staff = (await _portal.Store.AddUserAsync(new NewPortalUser("boss@integra.example", "Boss", PortalRoles.Admin, null, Privileges.None), _portal.Time.GetUtcNow(), default))!;
        var link = await new SignInLinks(_portal.Store, _portal.Settings, _portal.Time).CreateAsync(staff.Id, default);
        var token = link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..];
        const string chosen = "a long secret sentence";

        await client.GetAsync(link);
        await PortalHarness.PostFormAsync(client, new Uri(link).PathAndQuery, new Dictionary<string, string> { ["token"] = token, ["password"] = chosen, ["confirm"] = chosen });
        await PortalHarness.SignInAsync(_portal.Client(), "boss@integra.example", "wrong but secret words");

        Assert.NotEmpty(_portal.Logs.Lines);
        Assert.All(_portal.Logs.Lines, line =>
        {
            Assert.DoesNotContain(token, line, StringComparison.Ordinal);
            Assert.DoesNotContain(chosen, line, StringComparison.Ordinal);
            Assert.DoesNotContain("wrong but secret words", line, StringComparison.Ordinal);
        });
        Assert.All((await _portal.Store.AuditAsync(null, 100, default)), e => Assert.DoesNotContain(token, e.Detail + e.Target, StringComparison.Ordinal));
    }
}
