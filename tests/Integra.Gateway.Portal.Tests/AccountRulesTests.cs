using System.Net;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Pages.Account;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// SPEC §7 (version 3) accounts, over HTTP: a new link revokes the older ones; the password rules; throttling per
/// client address (counted in requests, not time); one answer for an unknown e-mail, a wrong password and a locked
/// account; no e-mail enumeration when an administrator creates a user.
/// </summary>
public sealed class AccountRulesTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private PortalHarness _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHarness.StartAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task A_new_reset_link_revokes_the_older_unused_one()
    {
        await _portal.AddUserAsync("admin@acme.example", PortalRoles.PartnerAdmin, "ACME", Password);
        var lee = await _portal.AddUserAsync("lee@acme.example", PortalRoles.PartnerUser, "ACME", Password, Privileges.Lsr);
        using var admin = _portal.Client();
        await PortalHarness.SignInAsync(admin, "admin@acme.example", Password);
        var edit = $"/Partner/Users/Edit?id={lee.Id}";

        await PortalHarness.PostFormAsync(admin, edit, new Dictionary<string, string>(), edit + "&handler=Reset");
        var first = new Uri(_portal.LinkSentTo("lee@acme.example")).PathAndQuery;
        _portal.Time.Advance(TimeSpan.FromSeconds(1)); // mail files are named by the (fake) time: keep them in order
        await PortalHarness.PostFormAsync(admin, edit, new Dictionary<string, string>(), edit + "&handler=Reset");
        var second = new Uri(_portal.LinkSentTo("lee@acme.example")).PathAndQuery;

        using var browser = _portal.Client();
        Assert.NotEqual(first, second);
        Assert.Contains("used already or has expired", await browser.GetStringAsync(first), StringComparison.Ordinal);
        Assert.DoesNotContain("used already or has expired", await browser.GetStringAsync(second), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short pass", "at least 12 characters")]
    [InlineData("aaaaaaaaaaaa", "list of common passwords")]
    [InlineData("PasswordPassword", "list of common passwords")]
    [InlineData("123456789012", "list of common passwords")]
    [InlineData("Leonard.Longname@acme.example", "not be your e-mail address or your name")]
    [InlineData("leonard.longname", "not be your e-mail address or your name")]
    [InlineData("Leonard Longname", "not be your e-mail address or your name")]
    public async Task A_password_short_common_or_the_users_own_address_or_name_is_refused(string chosen, string says)
    {
        var (client, link, user) = await LinkAsync();

        var response = await PortalHarness.PostFormAsync(client, link, new Dictionary<string, string> { ["token"] = Token(link), ["password"] = chosen, ["confirm"] = chosen });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await _portal.Store.FindUserAsync(user.Id, default))!.PasswordHash);
    }

    [Fact]
    public async Task A_long_uncommon_password_is_taken_and_the_list_is_the_shipped_one()
    {
        var (client, link, user) = await LinkAsync();

        var response = await PortalHarness.PostFormAsync(client, link, new Dictionary<string, string> { ["token"] = Token(link), ["password"] = "tandem kettle under moonlight", ["confirm"] = "tandem kettle under moonlight" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull((await _portal.Store.FindUserAsync(user.Id, default))!.PasswordHash);
        Assert.Equal(43_940, PasswordRules.CommonCount);
    }

    [Fact]
    public async Task Sign_in_set_password_and_the_public_form_are_throttled_per_client_address_by_count()
    {
        _portal.Settings.ThrottlePermits = 3;
        _portal.Settings.ThrottleWindow = TimeSpan.FromHours(1);
        await _portal.AddUserAsync("lee@acme.example", PortalRoles.PartnerUser, "ACME", Password, Privileges.View);
        using var client = _portal.Client();

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add((await PortalHarness.SignInAsync(client, "lee@acme.example", "wrong " + i)).StatusCode);
        }

        var fourth = await PortalHarness.SignInAsync(client, "lee@acme.example", Password);
        var profile = await PortalHarness.PostFormAsync(client, "/Onboarding", StoryTests.Form("NWC", "a@newco.example", "b@newco.example"));

        Assert.All(allowed, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Contains("Too many requests", await fourth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, profile.StatusCode);
        Assert.Empty((await _portal.Store.ProfilesAsync(default)));

        // Only the stranger's posts count: pages still load, and the throttled attempts never reached the account.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/SignIn")).StatusCode);
        Assert.Equal(3, (await _portal.Store.AuditAsync(null, 50, default)).Count(e => e.Action == "sign-in-failed"));
        Assert.Equal(3, (await _portal.Store.FindUserAsync("lee@acme.example", default))!.FailedSignIns);
    }

    [Fact]
    public async Task An_unknown_email_a_wrong_password_and_a_locked_account_get_the_same_answer()
    {
        await _portal.AddUserAsync("lee@acme.example", PortalRoles.PartnerUser, "ACME", Password, Privileges.View);
        using var client = _portal.Client();

        var unknown = await Answer(await PortalHarness.SignInAsync(client, "nobody@acme.example", Password));
        var wrong = await Answer(await PortalHarness.SignInAsync(client, "lee@acme.example", "wrong password 0"));
        for (var i = 1; i < 5; i++)
        {
            await PortalHarness.SignInAsync(client, "lee@acme.example", "wrong password " + i);
        }

        var locked = await Answer(await PortalHarness.SignInAsync(client, "lee@acme.example", Password));

        Assert.Equal(System.Net.WebUtility.HtmlEncode(SignInModel.WrongOrLocked), unknown);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, locked);
        Assert.Contains((await _portal.Store.AuditAsync(null, 50, default)), e => e.Action == "sign-in-locked");
    }

    [Fact]
    public async Task Creating_a_user_with_another_partners_users_address_answers_as_if_created()
    {
        await _portal.AddUserAsync("admin@acme.example", PortalRoles.PartnerAdmin, "ACME", Password);
        var bridge = await _portal.AddUserAsync("user@bridge.example", PortalRoles.PartnerUser, "BRIDGE", Password, Privileges.Lsr);
        await _portal.AddUserAsync("mine@acme.example", PortalRoles.PartnerUser, "ACME", Password, Privileges.Lsr);
        using var admin = _portal.Client(new CookieContainer());
        await PortalHarness.SignInAsync(admin, "admin@acme.example", Password);
        Dictionary<string, string> Create(string email) => new() { ["email"] = email, ["name"] = "Someone", ["privileges"] = "LSR" };

        var fresh = await PortalHarness.PostFormAsync(admin, "/Partner/Users", Create("fresh@acme.example"));
        var freshMessage = await admin.GetStringAsync("/Partner/Users");
        var other = await PortalHarness.PostFormAsync(admin, "/Partner/Users", Create("user@bridge.example"));
        var otherMessage = await admin.GetStringAsync("/Partner/Users");
        var own = await PortalHarness.PostFormAsync(admin, "/Partner/Users", Create("mine@acme.example"));

        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Contains("was created; a one-time sign-in link is on its way", freshMessage, StringComparison.Ordinal);
        Assert.Contains("user@bridge.example was created; a one-time sign-in link is on its way", otherMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("already", otherMessage, StringComparison.Ordinal);
        Assert.Equal(bridge, (await _portal.Store.FindUserAsync(bridge.Id, default)));
        Assert.Contains((await _portal.Store.AuditAsync("ACME", 20, default)), e => e is { Action: "user-create-refused", Target: "user@bridge.example" });
        Assert.Contains("already one of your company", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Token(string link) => link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..];

    private static async Task<string> Answer(HttpResponseMessage response)
    {
        var page = await response.Content.ReadAsStringAsync();
        var match = System.Text.RegularExpressions.Regex.Match(page, "<p class=\"error\" id=\"problem\">([^<]*)</p>");
        Assert.True(match.Success, "no problem paragraph");
        return match.Groups[1].Value;
    }

    private async Task<(HttpClient Client, string Link, PortalUser User)> LinkAsync()
    {
        var user = (await _portal.Store.AddUserAsync(new NewPortalUser("Leonard.Longname@acme.example", "Leonard Longname", PortalRoles.PartnerUser, "ACME", Privileges.Lsr), _portal.Time.GetUtcNow(), default))!;
        var link = await new SignInLinks(_portal.Store, _portal.Settings, _portal.Time).CreateAsync(user.Id, default);
        return (_portal.Client(), new Uri(link).PathAndQuery, user);
    }
}
