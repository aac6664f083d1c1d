using System.Net;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Tests;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// SPEC §7 (version 3) staff admin, over HTTP and on the command line: partner administrators for any partner
/// (partners.csv ones included), links again, a partner's portal access off with the reason audited, staff accounts;
/// a Trading Partner Profile from an existing partner adds its administrators.
/// </summary>
[Collection(CommandLine.Name)]
public sealed class StaffAdminTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private PortalHarness _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHarness.StartAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task A_staff_admin_adds_an_administrator_to_a_partners_csv_partner_who_signs_in_through_the_mailed_link()
    {
        using var admin = await StaffAsync("boss@integra.example", PortalRoles.Admin);
        var list = await admin.GetStringAsync("/Staff/Admin/Partners");
        Assert.Contains("data-partner=\"ACME\"", list, StringComparison.Ordinal);
        Assert.Contains("partners.csv", list, StringComparison.Ordinal);

        var added = await PortalHarness.PostFormAsync(admin, "/Staff/Admin/Partner?id=ACME", new Dictionary<string, string> { ["email"] = "ann@acme.example", ["name"] = "Ann Admin" }, "/Staff/Admin/Partner?id=ACME&handler=Add");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var user = (await _portal.Store.FindUserAsync("ann@acme.example", default))!;
        Assert.Equal((PortalRoles.PartnerAdmin, "ACME", Privileges.Csr | Privileges.Lsr | Privileges.View), (user.Role, user.Partner, user.Privileges));
        var mail = _portal.Mails().Single(m => m.To.Mailboxes.Single().Address == "ann@acme.example");
        Assert.Equal(2, mail.Attachments.Count());
        Assert.Contains((await _portal.Store.AuditAsync("ACME", 10, default)), e => e is { Action: "user-created", Actor: "boss@integra.example", Target: "ann@acme.example" });

        using var ann = _portal.Client();
        var link = new Uri(_portal.LinkSentTo("ann@acme.example"));
        var token = link.Query[(link.Query.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var set = await PortalHarness.PostFormAsync(ann, link.PathAndQuery, new Dictionary<string, string> { ["token"] = token, ["password"] = "a long and unusual passphrase", ["confirm"] = "a long and unusual passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ann.GetAsync("/Partner/Users")).StatusCode);

        var page = await admin.GetStringAsync("/Staff/Admin/Partner?id=ACME");
        Assert.Contains("id=\"admins-notice\"", page, StringComparison.Ordinal);
        Assert.Contains("ann@acme.example", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_address_or_an_unknown_partner_is_refused_keeping_what_was_typed()
    {
        using var admin = await StaffAsync("boss@integra.example", PortalRoles.Admin);

        var bad = await PortalHarness.PostFormAsync(admin, "/Staff/Admin/Partner?id=ACME", new Dictionary<string, string> { ["email"] = "not an address", ["name"] = "Ann" }, "/Staff/Admin/Partner?id=ACME&handler=Add");
        var unknown = await admin.GetAsync("/Staff/Admin/Partner?id=NOPE");

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var page = await bad.Content.ReadAsStringAsync();
        Assert.Contains("id=\"problem\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"not an address\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty((await _portal.Store.UsersOfAsync("ACME", default)));
    }

    [Theory]
    [InlineData("/Staff/Admin/Partners")]
    [InlineData("/Staff/Admin/Partner?id=ACME")]
    [InlineData("/Staff/Admin/Staff")]
    public async Task The_desk_and_partner_administrators_do_not_reach_the_staff_admin_pages(string path)
    {
        using var desk = await StaffAsync("desk@integra.example", PortalRoles.Desk);
        await _portal.AddUserAsync("admin@acme.example", PortalRoles.PartnerAdmin, "ACME", Password, Privileges.View);
        using var partner = _portal.Client();
        await PortalHarness.SignInAsync(partner, "admin@acme.example", Password);

        foreach (var client in new[] { desk, partner })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("/Staff/Admin/Partners", await desk.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_the_first_sign_in_link_again_revokes_the_earlier_one()
    {
        using var admin = await StaffAsync("boss@integra.example", PortalRoles.Admin);
        await PortalHarness.PostFormAsync(admin, "/Staff/Admin/Partner?id=ACME", new Dictionary<string, string> { ["email"] = "ann@acme.example" }, "/Staff/Admin/Partner?id=ACME&handler=Add");
        var first = new Uri(_portal.LinkSentTo("ann@acme.example")).PathAndQuery;
        var ann = (await _portal.Store.FindUserAsync("ann@acme.example", default))!;
        _portal.Time.Advance(TimeSpan.FromSeconds(1)); // mail files are named by the (fake) time: keep them in order

        var again = await PortalHarness.PostFormAsync(admin, "/Staff/Admin/Partner?id=ACME", new Dictionary<string, string> { ["user"] = ann.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/Staff/Admin/Partner?id=ACME&handler=Link");

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var second = new Uri(_portal.LinkSentTo("ann@acme.example")).PathAndQuery;
        Assert.NotEqual(first, second);
        using var browser = _portal.Client();
        Assert.Contains("used already or has expired", await browser.GetStringAsync(first), StringComparison.Ordinal);
        Assert.DoesNotContain("used already or has expired", await browser.GetStringAsync(second), StringComparison.Ordinal);
        Assert.Contains((await _portal.Store.AuditAsync("ACME", 10, default)), e => e is { Action: "link-sent-again", Target: "ann@acme.example" });
    }

    [Fact]
    public async Task Switching_a_partners_access_off_needs_a_reason_signs_its_users_out_and_is_audited()
    {
        using var admin = await StaffAsync("boss@integra.example", PortalRoles.Admin);
        using var user = await _portal.PartnerClientAsync("view@acme.example", "ACME", Privileges.View);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Partner/Orders")).StatusCode);

        var noReason = await PortalHarness.PostFormAsync(admin, "/Staff/Admin/Partner?id=ACME", new Dictionary<string, string> { ["disabled"] = "true", ["reason"] = " " }, "/Staff/Admin/Partner?id=ACME&handler=Access");
        Assert.Contains("Give the reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Partner/Orders")).StatusCode);

        var off = await PortalHarness.PostFormAsync(admin, "/Staff/Admin/Partner?id=ACME", new Dictionary<string, string> { ["disabled"] = "true", ["reason"] = "contract ended 2026-03-01" }, "/Staff/Admin/Partner?id=ACME&handler=Access");

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await user.GetAsync("/Partner/Orders")).StatusCode);
        using var again = _portal.Client();
        var refused = await PortalHarness.SignInAsync(again, "view@acme.example", Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains((await _portal.Store.AuditAsync("ACME", 20, default)), e => e is { Action: "partner-disabled", Actor: "boss@integra.example", Detail: "contract ended 2026-03-01" });
        Assert.Contains("off: contract ended 2026-03-01", await admin.GetStringAsync("/Staff/Admin/Partners"), StringComparison.Ordinal);

        await PortalHarness.PostFormAsync(admin, "/Staff/Admin/Partner?id=ACME", new Dictionary<string, string> { ["disabled"] = "false", ["reason"] = "renewed" }, "/Staff/Admin/Partner?id=ACME&handler=Access");
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHarness.SignInAsync(again, "view@acme.example", Password)).StatusCode);
        Assert.Contains((await _portal.Store.AuditAsync("ACME", 20, default)), e => e is { Action: "partner-enabled", Detail: "renewed" });
    }

    [Fact]
    public async Task A_staff_admin_creates_desk_staff_with_a_one_time_link_and_disables_it()
    {
        using var admin = await StaffAsync("boss@integra.example", PortalRoles.Admin);

        var created = await PortalHarness.PostFormAsync(admin, "/Staff/Admin/Staff", new Dictionary<string, string> { ["email"] = "dee@integra.example", ["name"] = "Dee Desk", ["role"] = "desk" }, "/Staff/Admin/Staff?handler=Create");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var dee = (await _portal.Store.FindUserAsync("dee@integra.example", default))!;
        Assert.Equal((PortalRoles.Desk, (string?)null), (dee.Role, dee.Partner));
        Assert.NotEmpty(_portal.LinkSentTo("dee@integra.example"));

        var disabled = await PortalHarness.PostFormAsync(admin, "/Staff/Admin/Staff", new Dictionary<string, string> { ["user"] = dee.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["disabled"] = "true" }, "/Staff/Admin/Staff?handler=Disabled");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.True((await _portal.Store.FindUserAsync(dee.Id, default))!.Disabled);

        // Not oneself, and never a partner's user through the staff page.
        var me = (await _portal.Store.FindUserAsync("boss@integra.example", default))!;
        var partnerUser = await _portal.AddUserAsync("user@acme.example", PortalRoles.PartnerUser, "ACME", Password, Privileges.View);
        foreach (var id in new[] { me.Id, partnerUser.Id })
        {
            var refused = await PortalHarness.PostFormAsync(admin, "/Staff/Admin/Staff", new Dictionary<string, string> { ["user"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["disabled"] = "true" }, "/Staff/Admin/Staff?handler=Disabled");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.False((await _portal.Store.FindUserAsync(id, default))!.Disabled);
        }
    }

    [Fact]
    public async Task A_profile_from_an_existing_partner_adds_its_administrators_to_that_partner()
    {
        using var carrier = _portal.Client();
        await PortalHarness.PostFormAsync(carrier, "/Onboarding", StoryTests.Form("ACM", "new1@acme.example", "new2@acme.example"));
        var id = Assert.Single((await _portal.Store.ProfilesAsync(default))).Id;
        using var desk = await StaffAsync("desk@integra.example", PortalRoles.Desk);

        var page = await desk.GetStringAsync($"/Staff/Profile?id={id}");
        Assert.Contains("id=\"existing-partner\"", page, StringComparison.Ordinal);
        Assert.Contains("Add these administrators to ACME", page, StringComparison.Ordinal);
        var approve = await PortalHarness.PostFormAsync(desk, $"/Staff/Profile?id={id}", new Dictionary<string, string>(), $"/Staff/Profile?id={id}&handler=Approve");

        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Empty((await _portal.Store.ApprovedPartnersAsync(default)));
        foreach (var a in new[] { "new1@acme.example", "new2@acme.example" })
        {
            var added = (await _portal.Store.FindUserAsync(a, default))!;
            Assert.Equal(("ACME", PortalRoles.PartnerAdmin), (added.Partner, added.Role));
            Assert.NotEmpty(_portal.LinkSentTo(a));
        }
        Assert.Equal("approved", (await _portal.Store.FindProfileAsync(id, default))!.State);
    }

    [Fact]
    public async Task The_add_partner_admin_command_adds_an_administrator_to_ACME_and_bad_input_is_exit_2_with_one_line()
    {
        string[] Args(string partner, string email) => ["portal", "add-partner-admin", "--partner", partner, "--email", email, "--data", Repo.SampleData, "--db", _portal.Database];

        var (code, output, error) = await Cli(Args("ACME", "ann@acme.example"));

        Assert.Equal(0, code);
        Assert.Contains("Administrator ann@acme.example of ACME created", output, StringComparison.Ordinal);
        Assert.Contains("/Account/SetPassword?token=", output, StringComparison.Ordinal);
        Assert.Empty(error);
        Assert.Equal(("ACME", PortalRoles.PartnerAdmin), ((await _portal.Store.FindUserAsync("ann@acme.example", default))!.Partner, (await _portal.Store.FindUserAsync("ann@acme.example", default))!.Role));

        foreach (var (partner, email, says) in new[] { ("NOPE", "bob@acme.example", "not a partner"), ("ACME", "not an address", "not an e-mail address"), ("ACME", "ann@acme.example", "already has a portal account") })
        {
            var (bad, badOutput, badError) = await Cli(Args(partner, email));
            Assert.Equal(2, bad);
            Assert.Empty(badOutput);
            Assert.Contains(says, Assert.Single(badError.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        }
    }

    private async Task<HttpClient> StaffAsync(string email, string role)
    {
        await _portal.AddUserAsync(email, role, null, Password);
        var client = _portal.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHarness.SignInAsync(client, email, Password)).StatusCode);
        return client;
    }

    /// <summary>The command line in this process, with its standard output and error.</summary>
    private static async Task<(int Code, string Output, string Error)> Cli(string[] args)
    {
        var (originalOut, originalError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (await Integra.Gateway.Cli.GatewayCli.InvokeAsync(args), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}

/// <summary>The test classes that run the command line in-process swap Console.Out and Console.Error: one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class CommandLine
{
    public const string Name = "command line";
}
