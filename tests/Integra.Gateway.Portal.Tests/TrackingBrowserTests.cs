using System.Globalization;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Microsoft.Playwright;

namespace Integra.Gateway.Portal.Tests;

/// <summary>A partner follows an order sent by SFTP in a real Chromium: the list, the order's page, its response file.</summary>
[Collection(Browser.Name)]
public sealed class TrackingBrowserTests(BrowserFixture browser)
{
    private const string Password = "correct horse battery";

    private PortalHarness Portal => browser.Portal;

    [Fact]
    public async Task A_partner_opens_its_orders_and_an_orders_page_and_downloads_the_answer_it_got_by_SFTP()
    {
        // The shared portal's clock is today's: the due dates are three weeks out, whatever today is.
        var ddd = Portal.Time.GetUtcNow().AddDays(21).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var delivered = await Portal.ReceiveAsync("BRIDGE", Channel.Sftp, "bridge-track.lsr.csv", $"""
            CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,PASSCODE,TN,SUP,EXP,MI,REMARKS,D/TSENT,AUTHNM,DATED,STATE
            BRG,BRG-5001,00,BRGC,6101,C,CB,V,{ddd},5035550900,Y,A1004,59601,,406-555-0101,,,,,,,,MT
            BRG,BRG-5002,00,BRGC,6101,C,CB,V,{ddd},5035550900,Y,A1002,55401,0000,612-555-0101,,,,,,,,MN

            """);
        await Portal.AddUserAsync("tracker@bridge.example", PortalRoles.PartnerUser, "BRIDGE", Password, Privileges.View | Privileges.Lsr);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#email", "tracker@bridge.example");
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in");

        await page.GotoAsync("/Partner/Orders");
        await Assertions.Expect(page.Locator("#orders")).ToContainTextAsync("BRG-5001");
        await Assertions.Expect(page.Locator("#orders")).ToContainTextAsync("BRG-5002");
        await browser.ShotAsync(page, "partner-orders");

        await page.ClickAsync("#orders a >> text=BRG-5001");
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("FOC");
        await Assertions.Expect(page.Locator("#tns")).ToContainTextAsync("P (port)");
        await Assertions.Expect(page.Locator("#history-only")).ToContainTextAsync("SFTP");
        await Assertions.Expect(page.Locator("#supplement")).ToBeVisibleAsync();
        await browser.ShotAsync(page, "partner-order-detail");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#files a >> text=bridge-track.lsr.resp.csv"));
        Assert.Equal("bridge-track.lsr.resp.csv", download.SuggestedFilename);
        Assert.Equal(ResponseWriter.Bytes(delivered.Rows), await File.ReadAllBytesAsync(await download.PathAsync()));
    }
}
