using Integra.Gateway.Portal.Accounts;
using Microsoft.Playwright;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Portal.Tests;

/// <summary>The portal's main stories in a real headless Chromium against the real Kestrel.</summary>
[Collection(Browser.Name)]
public sealed class BrowserTests(BrowserFixture browser)
{
    private const string Password = "correct horse battery";

    private PortalHarness Portal => browser.Portal;

    [Fact]
    public async Task The_first_staff_admin_signs_in_with_the_link_add_staff_printed()
    {
        var staff = (await Portal.Store.AddUserAsync(new NewPortalUser("first-admin@integra.example", "First Admin", PortalRoles.Admin, null, Privileges.None), Portal.Time.GetUtcNow(), default))!;
        var link = await new SignInLinks(Portal.Store, Portal.Settings, Portal.Time).CreateAsync(staff.Id, default);
        var page = await browser.NewPageAsync();

        await page.GotoAsync(link);
        await browser.ShotAsync(page, "set-password");
        await page.FillAsync("#password", Password);
        await page.FillAsync("#confirm", Password);
        await page.ClickAsync("#set-password");

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Integra staff (admin)");
        await browser.ShotAsync(page, "staff-home");
        await page.ClickAsync("header button");
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("Sign in");

        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#email", "first-admin@integra.example");
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Integra staff (admin)");
    }

    [Fact]
    public async Task A_partner_administrator_creates_a_user_with_the_LSR_privilege()
    {
        await Portal.AddUserAsync("admin@bigsky.example", PortalRoles.PartnerAdmin, "BIGSKY", Password);
        var page = await browser.NewPageAsync();
        await SignInAsync(page, "admin@bigsky.example", Password);

        await page.GotoAsync("/Partner/Users");
        await Assertions.Expect(page.Locator("#second-admin")).ToBeVisibleAsync();
        await page.FillAsync("#email", "orders@bigsky.example");
        await page.FillAsync("#name", "Olive Orders");
        await page.CheckAsync("#priv-lsr");
        await page.ClickAsync("#create");

        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("orders@bigsky.example was created");
        await Assertions.Expect(page.Locator("#users")).ToContainTextAsync("LSR");
        await browser.ShotAsync(page, "partner-users");
        var user = (await Portal.Store.FindUserAsync("orders@bigsky.example", default))!;
        Assert.Equal((Privileges.Lsr, "BIGSKY"), (user.Privileges, user.Partner));

        var userPage = await browser.NewPageAsync();
        await userPage.GotoAsync(Portal.LinkSentTo("orders@bigsky.example"));
        await userPage.FillAsync("#password", Password);
        await userPage.FillAsync("#confirm", Password);
        await userPage.ClickAsync("#set-password");
        await Assertions.Expect(userPage.Locator("main")).ToContainTextAsync("user of BIGSKY (LSR)");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        await Portal.AddUserAsync("locked@portco.example", PortalRoles.PartnerUser, "PORTCO", Password, Privileges.Csr);
        var page = await browser.NewPageAsync();
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(page, "locked@portco.example", "not the password " + i);
        }

        await SignInAsync(page, "locked@portco.example", Password);

        await Assertions.Expect(page.Locator("#problem")).ToContainTextAsync("locked");
        await browser.ShotAsync(page, "lockout");
    }

    [Fact]
    public async Task A_carrier_submits_its_profile_the_desk_approves_and_the_new_administrator_signs_in()
    {
        await Portal.AddUserAsync("onboarding-desk@integra.example", PortalRoles.Desk, null, Password);
        var carrier = await browser.NewPageAsync();
        await carrier.GotoAsync("/Onboarding");
        foreach (var (field, value) in StoryTests.Form("MTN", "ann@mountain.example", "bob@mountain.example").Where(f => f.Key is not ("Profile.PartnerType" or "Profile.Channel")))
        {
            await carrier.FillAsync($"[name='{field}']", value.Replace("New Co Wireless", "Mountain Fiber", StringComparison.Ordinal));
        }

        await carrier.SelectOptionAsync("[name='Profile.PartnerType']", "CLEC");
        await browser.ShotAsync(carrier, "onboarding-form");
        await carrier.ClickAsync("#submit-profile");
        await Assertions.Expect(carrier.Locator("#received")).ToContainTextAsync("3 business days");

        var desk = await browser.NewPageAsync();
        await SignInAsync(desk, "onboarding-desk@integra.example", Password);
        await desk.GotoAsync("/Staff");
        await Assertions.Expect(desk.Locator("#queue")).ToContainTextAsync("Mountain Fiber");
        await browser.ShotAsync(desk, "onboarding-queue");
        await desk.ClickAsync("#queue a >> text=" + (await Portal.Store.ProfilesAsync(default)).Single(p => p.Profile.PartnerId == "MTN").Id);
        await desk.ClickAsync("#approve");
        await Assertions.Expect(desk.Locator("#state")).ToContainTextAsync("approved");

        var admin = await browser.NewPageAsync();
        await admin.GotoAsync(Portal.LinkSentTo("ann@mountain.example"));
        await admin.FillAsync("#password", Password);
        await admin.FillAsync("#confirm", Password);
        await admin.ClickAsync("#set-password");
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("administrator of MTN");
        await admin.GotoAsync("/Partner/Users");
        await Assertions.Expect(admin.Locator("#users")).ToContainTextAsync("bob@mountain.example");
    }

    [Fact]
    public async Task Each_document_downloads()
    {
        await Portal.AddUserAsync("reader@acme.example", PortalRoles.PartnerUser, "ACME", Password, Privileges.View);
        var page = await browser.NewPageAsync();
        await SignInAsync(page, "reader@acme.example", Password);
        await page.GotoAsync("/Docs/Rejects");
        await Assertions.Expect(page.Locator("#code-R40")).ToContainTextAsync("partial port");
        await browser.ShotAsync(page, "reject-guide");
        await page.GotoAsync("/Docs");

        var names = new List<string>();
        foreach (var link in new[] { "/Docs/Rejects?handler=Csv", "/Docs/Contacts?handler=Csv", "/Docs/LsrTemplate", "/Onboarding/Template" })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"#documents a[href='{link}']"));
            var path = await download.PathAsync();
            Assert.True(new FileInfo(path).Length > 0, link);
            names.Add(download.SuggestedFilename);
        }

        Assert.Equal(["reject-resolution-guide.csv", "lsr-contacts.csv", "lsr-form.lsr.csv", "trading-partner-profile.csv"], names);
        await page.ClickAsync("#documents a[href='/Docs/Guide?name=admin-guide']");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Administrator User Guide");
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
    }
}
