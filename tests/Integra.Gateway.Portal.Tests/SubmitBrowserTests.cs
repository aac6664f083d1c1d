using System.Globalization;
using Integra.Gateway.Portal.Accounts;
using Microsoft.Playwright;

namespace Integra.Gateway.Portal.Tests;

/// <summary>The LSR form in a real headless Chromium: a partner user with LSR submits it and sees the FOC (issue 17).</summary>
[Collection(Browser.Name)]
public sealed class SubmitBrowserTests(BrowserFixture browser)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task A_partner_user_submits_the_LSR_form_and_sees_its_FOC_on_the_page_and_in_the_inbox()
    {
        var portal = browser.Portal;
        await portal.AddUserAsync("browser-lsr@acme.example", PortalRoles.PartnerUser, "ACME", Password, Privileges.Lsr);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#email", "browser-lsr@acme.example");
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in");

        // Ten days out: after the standard due date and within the 30 days of L10, whatever day the fixture's clock shows.
        var ddd = portal.Time.GetUtcNow().AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // The browser collection shares one portal: this test ports an account no other browser test ports (L19).
        await page.GotoAsync("/Partner/Submit/Lsr");
        await Assertions.Expect(page.Locator("#f-CCNA")).ToHaveValueAsync("ACM");
        foreach (var (id, value) in new[]
                 {
                     ("#f-PON", "BROWSER-1"), ("#f-CC", "ACMW"), ("#f-NNSP", "6001"), ("#f-NPDI", "C"), ("#f-REQTYP", "CB"), ("#f-ACT", "V"),
                     ("#f-DDD", ddd), ("#f-INITTEL", "5035550900"), ("#f-AGAUTH", "Y"), ("#f-AN", "A1009"), ("#f-ZIP", "83702"), ("#f-TN", "208-555-0101"),
                 })
        {
            await page.FillAsync(id, value);
        }

        await page.ClickAsync("#check");
        await Assertions.Expect(page.Locator("#classification")).ToContainTextAsync("Simple port");
        await page.ClickAsync("#submit");

        await Assertions.Expect(page.Locator("#answer")).ToContainTextAsync("Answer: FOC 1");
        await Assertions.Expect(page.Locator("#answer-rows")).ToContainTextAsync("2085550101");
        await browser.ShotAsync(page, "lsr-foc");
        await page.ClickAsync("header >> text=Inbox");
        await Assertions.Expect(page.Locator("#inbox")).ToContainTextAsync("BROWSER-1");
    }
}
