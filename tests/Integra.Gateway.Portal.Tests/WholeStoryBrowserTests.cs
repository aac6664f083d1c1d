using System.Globalization;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Tests;
using Microsoft.Playwright;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Issue 17 item 6: the whole story in a real headless Chromium against the real Kestrel, one partner's day and the
/// desk's part in it, with the screenshots the README's portal section shows (the best are kept in docs/portal/).
/// ACME (a wireless carrier) ports A1001, a simple port in Portland with one working TN; PORTCO (an agent) asks for
/// the CSR of A1002; BRIDGE is the other partner that must see none of it.
/// </summary>
[Collection(Browser.Name)]
public sealed class WholeStoryBrowserTests(BrowserFixture browser)
{
    private const string Password = "correct horse battery";

    private PortalHarness Portal => browser.Portal;

    [Fact]
    public async Task A_partners_day_from_a_new_user_to_FOC_cancel_CSR_and_an_approved_expedite_seen_by_nobody_else()
    {
        // The collection shares one clock that only moves forward: go to the next Monday 10:00 in Portland (18:00 UTC
        // is before the simple-port cutoff in winter and summer) whose Monday to Wednesday are business days.
        var monday = NextPlainMonday(Portal.Time.GetUtcNow());
        Portal.Time.SetUtcNow(new DateTimeOffset(monday.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero));
        var wednesday = Iso(monday.AddDays(2));

        // A partner administrator creates a user with LSR; she sets her password with the e-mailed one-time link.
        await Portal.AddUserAsync("story-admin@acme.example", PortalRoles.PartnerAdmin, "ACME", Password);
        var admin = await browser.NewPageAsync();
        await SignInAsync(admin, "story-admin@acme.example");
        await admin.GotoAsync("/Partner/Users");
        await admin.FillAsync("#email", "lena.lsr@acme.example");
        await admin.FillAsync("#name", "Lena Lsr");
        await admin.CheckAsync("#priv-lsr");
        await admin.CheckAsync("#priv-view");
        await admin.ClickAsync("#create");
        await Assertions.Expect(admin.Locator("#message")).ToContainTextAsync("lena.lsr@acme.example was created");
        await browser.ShotAsync(admin, "story-partner-users");

        var partner = await browser.NewPageAsync();
        await partner.GotoAsync(Portal.LinkSentTo("lena.lsr@acme.example"));
        await partner.FillAsync("#password", Password);
        await partner.FillAsync("#confirm", Password);
        await partner.ClickAsync("#set-password");
        await Assertions.Expect(partner.Locator("main")).ToContainTextAsync("user of ACME");

        // She submits an LSR form and sees its FOC on the page.
        await partner.GotoAsync("/Partner/Submit");
        await partner.GetByRole(AriaRole.Link, new() { Name = "LSR form" }).ClickAsync();
        await FillLsrAsync(partner, "STORY-1", wednesday);
        await partner.ClickAsync("#check");
        await Assertions.Expect(partner.Locator("#classification")).ToContainTextAsync("Simple port");
        await browser.ShotAsync(partner, "partner-lsr-form");
        await partner.ClickAsync("#submit");
        await Assertions.Expect(Row(partner, "FOC")).ToContainTextAsync("5035550101");
        await Assertions.Expect(Row(partner, "FOC")).ToContainTextAsync(wednesday);
        await browser.ShotAsync(partner, "partner-foc");

        // SUP 1 from the order's page: the supplement form is prefilled from the last version; the answer is the CAN.
        var first = OrderId("ACME", "STORY-1");
        await partner.GetByRole(AriaRole.Link, new() { Name = "Orders", Exact = true }).ClickAsync();
        await partner.FillAsync("#pon", "STORY-1");
        await partner.ClickAsync("#apply");
        await partner.Locator($"#orders tr[data-order='{first}']").GetByRole(AriaRole.Link, new() { Name = "STORY-1" }).ClickAsync();
        await Assertions.Expect(partner.Locator("#foc-date")).ToContainTextAsync(wednesday);
        await partner.ClickAsync("#supplement");
        await Assertions.Expect(partner.Locator("[name='F[VER]']")).ToHaveValueAsync("01");
        await Assertions.Expect(partner.Locator("[name='F[ZIP]']")).ToHaveValueAsync("97201");
        await partner.SelectOptionAsync("#sup", "1");
        await partner.CheckAsync("#confirm-cancel");
        await partner.ClickAsync("#check");
        await Assertions.Expect(partner.Locator("#classification")).ToContainTextAsync("Simple port");
        await partner.ClickAsync("#submit");
        await Assertions.Expect(Row(partner, "CAN")).ToContainTextAsync("C01");
        await Assertions.Expect(Row(partner, "CAN")).ToContainTextAsync("5035550101");
        await browser.ShotAsync(partner, "partner-sup1-cancel");
        using (var store = Portal.OpenOrders())
        {
            Assert.Equal(OrderState.Canceled, store.Orders.FindOrder(first)!.State);
        }

        // An expedite: Monday asked with EXP=Y, before the standard due date (Tuesday), waits for the desk (PND X01).
        await partner.GotoAsync("/Partner/Submit/Lsr");
        await FillLsrAsync(partner, "STORY-2", Iso(monday));
        await partner.FillAsync("[name='F[EXP]']", "Y");
        await partner.ClickAsync("#submit");
        await Assertions.Expect(Row(partner, "PND")).ToContainTextAsync("X01");

        // An agent's CSR: without the LOA R11 next to the LOA field, with it the CSR rows of every working TN.
        await Portal.AddUserAsync("story-csr@portco.example", PortalRoles.PartnerUser, "PORTCO", Password, Privileges.Csr);
        var agent = await browser.NewPageAsync();
        await SignInAsync(agent, "story-csr@portco.example");
        await agent.GotoAsync("/Partner/Submit/Csr");
        await FillCsrAsync(agent, "STORY-CSR-1");
        await agent.ClickAsync("#submit");
        await Assertions.Expect(agent.Locator(".field-error[data-field='LOA']")).ToContainTextAsync("R11");
        await Assertions.Expect(Row(agent, "REJ")).ToContainTextAsync("R11");
        await browser.ShotAsync(agent, "csr-r11");
        await agent.GotoAsync("/Partner/Submit/Csr");
        await FillCsrAsync(agent, "STORY-CSR-2");
        await agent.SetInputFilesAsync("#loa", Path.Combine(Repo.SampleDrop("PORTCO"), "loa-a1001.pdf"));
        await agent.ClickAsync("#submit");
        await Assertions.Expect(agent.Locator("#answer-rows tr.resp-csr")).ToHaveCountAsync(4);
        await Assertions.Expect(agent.Locator("#answer-rows")).ToContainTextAsync("North Loop Dental");
        await browser.ShotAsync(agent, "csr-rows");

        // An hour and a half later (still before the 13:00 cutoff in Portland, so the review's ERD is Monday), the
        // desk approves the expedite at the date asked; the FOC goes back on the order's own channel, the portal.
        Portal.Time.Advance(TimeSpan.FromMinutes(90));
        await Portal.AddUserAsync("story-desk@integra.example", PortalRoles.Desk, null, Password);
        var desk = await browser.NewPageAsync();
        await SignInAsync(desk, "story-desk@integra.example");
        await desk.GotoAsync("/Staff/Reviews");
        var review = desk.Locator("tr[data-pon='STORY-2']");
        await Assertions.Expect(review).ToContainTextAsync("ACME");
        await Assertions.Expect(review).ToContainTextAsync("portal");
        await Assertions.Expect(review.Locator(".age")).ToContainTextAsync("1.5 business h");
        await browser.ShotAsync(desk, "desk-review-approve");
        await review.Locator("button.approve").ClickAsync();
        await Assertions.Expect(desk.Locator("#message")).ToContainTextAsync($"ACME PON STORY-2: FOC {Iso(monday)} recorded for delivery on portal");
        await browser.ShotAsync(desk, "desk-review-approved-portal");

        // The portal channel's worker puts the FOC into ACME's inbox (one round of its loop); the partner downloads it.
        // (Other tests of the collection share the server: only this story's rows are counted.)
        Assert.True(await Portal.Intake.DeliverLaterAnswersAsync(CancellationToken.None) >= 1);
        await partner.GotoAsync("/Partner/Inbox");
        var inbox = partner.Locator("#inbox tbody tr").Filter(new() { HasText = "STORY-" });
        await Assertions.Expect(inbox).ToHaveCountAsync(4);
        var approved = inbox.Filter(new() { HasText = "review-STORY-2-00.resp.csv" });
        await Assertions.Expect(approved).ToContainTextAsync("FOC 1");
        await browser.ShotAsync(partner, "partner-inbox");
        var download = await partner.RunAndWaitForDownloadAsync(() => approved.GetByRole(AriaRole.Link, new() { Name = "download" }).ClickAsync());
        Assert.Equal("review-STORY-2-00.resp.csv", download.SuggestedFilename);
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.StartsWith("RESPTYP,CCNA,PON,VER,LSRNO,AN,TN,LNA,DD,", csv[0], StringComparison.Ordinal);
        Assert.StartsWith("FOC,ACM,STORY-2,00,", Assert.Single(csv[1..]), StringComparison.Ordinal);
        Assert.Contains($",5035550101,P,{Iso(monday)},", csv[1], StringComparison.Ordinal);
        var expedite = OrderId("ACME", "STORY-2");
        await partner.GotoAsync($"/Partner/Orders/Detail?id={expedite}");
        await Assertions.Expect(partner.Locator("#foc-date")).ToContainTextAsync(Iso(monday));
        await Assertions.Expect(partner.Locator("#files")).ToContainTextAsync("review-STORY-2-00.resp.csv");

        // The desk finds the order across partners by its PON.
        await desk.GotoAsync("/Staff/Orders");
        await desk.FillAsync("#pon", "STORY-2");
        await desk.ClickAsync("#apply");
        await Assertions.Expect(desk.Locator($"#orders tr[data-order='{expedite}']")).ToContainTextAsync("ACME");
        await browser.ShotAsync(desk, "staff-orders");

        // A user of another partner sees none of it: not in its inbox, and a direct URL is 404.
        await Portal.AddUserAsync("story-lsr@bridge.example", PortalRoles.PartnerUser, "BRIDGE", Password, Privileges.Lsr | Privileges.View);
        var other = await browser.NewPageAsync();
        await SignInAsync(other, "story-lsr@bridge.example");
        await other.GotoAsync("/Partner/Inbox");
        await Assertions.Expect(other.Locator("main")).Not.ToContainTextAsync("STORY-");
        await browser.ShotAsync(other, "other-partner-inbox");
        await other.GotoAsync("/Partner/Orders");
        await Assertions.Expect(other.Locator("main")).Not.ToContainTextAsync("STORY-");
        var answers = Portal.Intake.Inbox("ACME", 50).Where(a => a.Pons.Contains("STORY-", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, answers.Count);
        foreach (var path in answers.SelectMany(a => new[] { $"/Partner/Inbox/Answer?id={a.Id}", $"/Partner/Inbox/Download?id={a.Id}" })
                     .Append($"/Partner/Submit/Supplement?order={expedite}")
                     .Concat(new[] { first, expedite }.Select(id => $"/Partner/Orders/Detail?id={id}")))
        {
            // With each browser's own cookies, no redirect followed: the owner gets the page or file, the other partner 404.
            Assert.Equal(200, (await partner.APIRequest.GetAsync(path, new() { MaxRedirects = 0 })).Status);
            Assert.Equal(404, (await other.APIRequest.GetAsync(path, new() { MaxRedirects = 0 })).Status);
        }
    }

    private static async Task FillLsrAsync(IPage page, string pon, string ddd)
    {
        var fields = new Dictionary<string, string>
        {
            ["CCNA"] = "ACM", ["PON"] = pon, ["VER"] = "00", ["CC"] = "ACMW", ["NNSP"] = "6001", ["NPDI"] = "C", ["REQTYP"] = "CB",
            ["ACT"] = "V", ["DDD"] = ddd, ["INITTEL"] = "5035550900", ["AGAUTH"] = "Y", ["AN"] = "A1001", ["ZIP"] = "97201",
        };
        foreach (var (name, value) in fields)
        {
            await page.FillAsync($"[name='F[{name}]']", value);
        }

        await page.FillAsync("#f-TN", "503-555-0101");
    }

    private static async Task FillCsrAsync(IPage page, string pon)
    {
        foreach (var (name, value) in new Dictionary<string, string> { ["CCNA"] = "PRT", ["PON"] = pon, ["AGAUTH"] = "Y", ["INITTEL"] = "5035550900", ["AN"] = "A1002" })
        {
            await page.FillAsync($"[name='F[{name}]']", value);
        }
    }

    private static ILocator Row(IPage page, string respTyp) => page.Locator($"#answer-rows tr.resp-{respTyp.ToLowerInvariant()}").First;

    private long OrderId(string partner, string pon)
    {
        using var store = Portal.OpenOrders();
        return store.Orders.FindOrdersByPon(partner, OrderKind.Lsr, pon).Single().Id;
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in");
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync(email);
    }

    /// <summary>The first Monday after <paramref name="now"/> whose Monday, Tuesday and Wednesday are not holidays.</summary>
    private static DateOnly NextPlainMonday(DateTimeOffset now)
    {
        var holidays = File.ReadLines(Path.Combine(Repo.SampleData, "holidays.csv")).Skip(1)
            .Select(l => DateOnly.ParseExact(l[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet();
        var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Monday || Enumerable.Range(0, 3).Any(i => holidays.Contains(day.AddDays(i))))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
