using System.Text;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage.Outbox;
using Microsoft.Playwright;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// The desk's day in a real headless Chromium (issue 17 items 4 and 5): approving an expedite, and the SLA board.
/// Seeds carry PONs of their own (<c>DESK-</c>): the browser collection shares one portal.
/// </summary>
[Collection(Browser.Name)]
public sealed class DeskBrowserTests(BrowserFixture browser)
{
    private const string Password = "correct horse battery";

    private PortalHarness Portal => browser.Portal;

    [Fact]
    public async Task The_desk_approves_an_expedite_and_its_FOC_waits_for_the_partners_drop()
    {
        await Portal.ReceiveAsync("BRIDGE", "desk-expedite.lsr.csv", Expedite("DESK-BR-1"), Channel.Sftp);
        await Portal.AddUserAsync("reviewer@integra.example", PortalRoles.Desk, null, Password);
        var page = await browser.NewPageAsync();
        await SignInAsync(page, "reviewer@integra.example");

        await page.GotoAsync("/Staff/Reviews");
        var row = page.Locator("tr[data-pon='DESK-BR-1']");
        await Assertions.Expect(row).ToContainTextAsync("6025550101 P");
        await Assertions.Expect(row).ToContainTextAsync("business h");
        await browser.ShotAsync(page, "desk-reviews");
        await row.Locator("button.approve").ClickAsync();

        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("BRIDGE PON DESK-BR-1: FOC");
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("recorded for delivery on SFTP");
        await Assertions.Expect(page.Locator("tr[data-pon='DESK-BR-1']")).ToHaveCountAsync(0);
        await browser.ShotAsync(page, "desk-review-approved");
        Assert.Single(await Portal.OutboxAsync(Channel.Sftp), f => f.FileName == "review-DESK-BR-1-00.resp.csv");
        Assert.Equal(OrderState.Foc, Portal.Order("BRIDGE", "DESK-BR-1").State);
    }

    [Fact]
    public async Task The_desk_reads_the_SLA_board_as_charts()
    {
        // Another account than DESK-BR-1's: the browser collection shares one portal, and one open order holds a TN (L19).
        await Portal.ReceiveAsync("BRIDGE", "desk-sla.lsr.csv", Encoding.UTF8.GetBytes(
            "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,SUP,EXP\n" +
            "BRG,DESK-BR-2,00,BRGC,6101,D,CB,V,2026-03-03,4065550900,Y,A1011,59601,4065550301,,Y\n"), Channel.Sftp);
        await Portal.ReceiveAsync("ACME", "desk-sla.csr.csv", Encoding.UTF8.GetBytes("CCNA,PON,AGAUTH,INITTEL,AN,TN\nACM,DESK-CSR-1,Y,5035550900,A1001,\nACM,DESK-CSR-2,N,5035550900,A1002,\n"), Channel.Sftp);
        await Portal.AddUserAsync("board@integra.example", PortalRoles.Admin, null, Password);
        var page = await browser.NewPageAsync();
        await SignInAsync(page, "board@integra.example");

        await page.GotoAsync("/Staff/Sla");
        // The refresh is the site's script (the CSP lets it run): its button shows and pauses it (WCAG 2.2.1).
        await Assertions.Expect(page.Locator("#refresh-toggle")).ToHaveTextAsync("Pause refreshing");
        await page.ClickAsync("#refresh-toggle");
        await Assertions.Expect(page.Locator("#refresh-toggle")).ToHaveTextAsync("Resume refreshing");
        await Assertions.Expect(page.Locator("figure.chart svg")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("svg[aria-label='Rejects by code, last 30 days']")).ToContainTextAsync("R10");
        await Assertions.Expect(page.Locator("svg[aria-label='Orders by state']")).ToContainTextAsync("LSR pending expedite review (PND)");
        await Assertions.Expect(page.Locator("#csr-share")).ToContainTextAsync("of");
        await browser.ShotAsync(page, "sla-board");
    }

    /// <summary>BRIDGE's sample expedite (non-simple, EXP=Y, DDD before the SDD) under a PON of this test's own.</summary>
    private static byte[] Expedite(string pon) =>
        Encoding.UTF8.GetBytes(
            "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,SUP,EXP,MI,REMARKS,D/TSENT,AUTHNM,DATED\n" +
            $"BRG,{pon},00,BRGC,6101,D,CB,V,2026-03-03,6025550900,Y,A1003,85004,6025550101,,Y,,DISC 602-555-0102,2026-03-02T08:00:00-07:00,Lee Park,2026-03-01\n");

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in");
    }
}
