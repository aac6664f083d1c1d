using Integra.Gateway.Portal.Accounts;
using Microsoft.Playwright;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Issue 26 in a real headless Chromium: a staff admin adds an administrator to ACME (a partner of partners.csv), who
/// signs in through the mailed link and creates a user of each privilege; a carrier's Trading Partner Profile with
/// blanks comes back with field errors and everything typed kept. Addresses are this test's own (<c>b26-</c>): the
/// browser collection shares one portal.
/// </summary>
[Collection(Browser.Name)]
public sealed class StaffAdminBrowserTests(BrowserFixture browser)
{
    private const string Password = "correct horse battery";

    private PortalHarness Portal => browser.Portal;

    [Fact]
    public async Task A_staff_admin_adds_an_administrator_to_ACME_who_signs_in_and_creates_users_of_each_privilege()
    {
        await Portal.AddUserAsync("b26-boss@integra.example", PortalRoles.Admin, null, Password);
        var admin = await browser.NewPageAsync();
        await admin.GotoAsync("/Account/SignIn");
        await admin.FillAsync("#email", "b26-boss@integra.example");
        await admin.FillAsync("#password", Password);
        await admin.ClickAsync("#sign-in");

        await admin.ClickAsync("header >> text=Partners");
        await Assertions.Expect(admin.Locator("tr[data-partner='ACME']")).ToContainTextAsync("partners.csv");
        await browser.ShotAsync(admin, "staff-partners");
        await admin.ClickAsync("tr[data-partner='ACME'] a");
        await admin.FillAsync("#email", "b26-ann@acme.example");
        await admin.FillAsync("#name", "Ann Acme");
        await admin.ClickAsync("#add-admin");
        await Assertions.Expect(admin.Locator("#message")).ToContainTextAsync("b26-ann@acme.example is an administrator of ACME");
        await Assertions.Expect(admin.Locator("tr[data-user='b26-ann@acme.example']")).ToContainTextAsync("link sent, not used yet");
        await browser.ShotAsync(admin, "staff-partner-acme");
        await admin.GotoAsync("/Staff/Admin/Staff");
        await browser.ShotAsync(admin, "staff-accounts");

        var ann = await browser.NewPageAsync();
        await ann.GotoAsync(new Uri(Portal.LinkSentTo("b26-ann@acme.example")).PathAndQuery);
        await ann.FillAsync("#password", "aaaaaaaaaaaa");
        await ann.FillAsync("#confirm", "aaaaaaaaaaaa");
        await ann.ClickAsync("#set-password");
        await Assertions.Expect(ann.Locator("#problem")).ToContainTextAsync("common passwords");
        await ann.FillAsync("#password", "granite otter sings at noon");
        await ann.FillAsync("#confirm", "granite otter sings at noon");
        await ann.ClickAsync("#set-password");

        await ann.ClickAsync("header >> text=Users");
        foreach (var privilege in new[] { "csr", "lsr", "view" })
        {
            await ann.FillAsync("#email", $"b26-{privilege}@acme.example");
            await ann.FillAsync("#name", $"{privilege.ToUpperInvariant()} user");
            await ann.CheckAsync($"#priv-{privilege}");
            await ann.ClickAsync("#create");
            await Assertions.Expect(ann.Locator("#message")).ToContainTextAsync($"b26-{privilege}@acme.example was created");
        }

        var users = ann.Locator("#users");
        await Assertions.Expect(users).ToContainTextAsync("b26-csr@acme.example");
        await Assertions.Expect(users).ToContainTextAsync("b26-lsr@acme.example");
        await Assertions.Expect(users).ToContainTextAsync("b26-view@acme.example");
        await browser.ShotAsync(ann, "partner-users-by-privilege");
        Assert.Equal(Privileges.Csr, (await Portal.Store.FindUserAsync("b26-csr@acme.example", default))!.Privileges);
        Assert.Equal(Privileges.Lsr, (await Portal.Store.FindUserAsync("b26-lsr@acme.example", default))!.Privileges);
        Assert.Equal(Privileges.View, (await Portal.Store.FindUserAsync("b26-view@acme.example", default))!.Privileges);

        // The LSR-only user's header has no Orders, and the order list answers the portal's 403 page.
        var lsr = await browser.NewPageAsync();
        await lsr.GotoAsync(new Uri(Portal.LinkSentTo("b26-lsr@acme.example")).PathAndQuery);
        await lsr.FillAsync("#password", "seven lanterns over the bay");
        await lsr.FillAsync("#confirm", "seven lanterns over the bay");
        await lsr.ClickAsync("#set-password");
        await Assertions.Expect(lsr.Locator("header a[href='/Partner/Orders']")).ToHaveCountAsync(0);
        var forbidden = await lsr.GotoAsync("/Partner/Orders");
        Assert.Equal(403, forbidden!.Status);
        await Assertions.Expect(lsr.Locator("#error-title")).ToHaveTextAsync("Not allowed");
        await Assertions.Expect(lsr.Locator("#correlation-id")).Not.ToBeEmptyAsync();
        await browser.ShotAsync(lsr, "error-403");
    }

    [Fact]
    public async Task A_profile_with_blanks_shows_field_errors_and_keeps_what_was_typed()
    {
        var carrier = await browser.NewPageAsync();
        await carrier.GotoAsync("/Onboarding");
        foreach (var (field, value) in StoryTests.Form("B26", "b26-first@newco.example", "b26-second@newco.example").Where(f => f.Key is not ("Profile.PartnerType" or "Profile.Channel" or "Profile.Ccna" or "Profile.Admin1Email")))
        {
            await carrier.FillAsync($"[name='{field}']", value);
        }

        await carrier.ClickAsync("#submit-profile");

        await Assertions.Expect(carrier.Locator("#problems")).ToBeVisibleAsync();
        await Assertions.Expect(carrier.Locator("#f-Ccna-error")).ToBeVisibleAsync();
        await Assertions.Expect(carrier.Locator("#f-Admin1Email-error")).ToBeVisibleAsync();
        await Assertions.Expect(carrier.Locator("#f-Ccna")).ToHaveAttributeAsync("aria-describedby", "f-Ccna-error");
        await Assertions.Expect(carrier.Locator("#f-Company")).ToHaveValueAsync("New Co Wireless");
        await Assertions.Expect(carrier.Locator("#f-Admin2Email")).ToHaveValueAsync("b26-second@newco.example");
        await Assertions.Expect(carrier.Locator("#f-Escalation")).ToHaveValueAsync("NOC 406-555-0199");
        await browser.ShotAsync(carrier, "onboarding-field-errors");

        await carrier.FillAsync("#f-Ccna", "B26");
        await carrier.FillAsync("#f-Admin1Email", "b26-first@newco.example");
        await carrier.ClickAsync("#submit-profile");
        await Assertions.Expect(carrier.Locator("#received")).ToContainTextAsync("at the latest");
        Assert.Single((await Portal.Store.ProfilesAsync(default)), p => p.Profile.PartnerId == "B26");
    }
}
