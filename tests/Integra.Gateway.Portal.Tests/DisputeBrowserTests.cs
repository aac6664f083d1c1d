using System.IO.Compression;
using System.Text;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Rules.Model;
using Microsoft.Playwright;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Issue 27 in a real headless Chromium: the desk opens an evidence request from the order's page, a partner user
/// answers with a PDF, the desk accepts and downloads the evidence package. PON <c>DISP-BR-1</c> is this test's own
/// (the browser collection shares one portal), on a TN no other test uses: one open order per TN (L19).
/// </summary>
[Collection(Browser.Name)]
public sealed class DisputeBrowserTests(BrowserFixture browser)
{
    private const string Password = "correct horse battery";

    private PortalHarness Portal => browser.Portal;

    [Fact]
    public async Task The_desk_opens_a_request_the_partner_answers_with_a_PDF_the_desk_accepts_and_downloads_the_package()
    {
        // The browser collection's portal runs on the real clock: the DDD is two weeks from today, the LOA dated yesterday.
        var today = Portal.Time.GetUtcNow();
        Portal.Receive("BRIDGE", "disp-browser.lsr.csv", Encoding.UTF8.GetBytes(
            "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,SUP,EXP,MI,REMARKS,D/TSENT,AUTHNM,DATED\n" +
            $"BRG,DISP-BR-1,00,BRGC,6101,C,CB,V,{today.AddDays(14):yyyy-MM-dd},5035550900,Y,A1008,97301,5035550301,,,,,{today.AddDays(-1):yyyy-MM-dd}T08:00:00-07:00,Lee Park,{today.AddDays(-1):yyyy-MM-dd}\n"), Channel.Sftp);
        var orderId = Portal.OrderId("BRIDGE", "LSR", "DISP-BR-1");
        Portal.AddUser("disputes@integra.example", PortalRoles.Desk, null, Password);
        Portal.AddUser("disputes@bridge.example", PortalRoles.PartnerUser, "BRIDGE", Password, Privileges.Lsr);

        var desk = await browser.NewPageAsync();
        await SignInAsync(desk, "disputes@integra.example");
        await desk.GotoAsync($"/Staff/Orders/Detail?id={orderId}");
        await desk.FillAsync("#dispute-reason", "The end user says they never asked to leave Integra: send the signed LOA.");
        await desk.CheckAsync("input[name='tns'][value='5035550301']");
        await browser.ShotAsync(desk, "dispute-open");
        await desk.ClickAsync("#open-request");
        await Assertions.Expect(desk.Locator("#message")).ToContainTextAsync("opened, due");
        var requestUrl = desk.Url;

        var partner = await browser.NewPageAsync();
        await SignInAsync(partner, "disputes@bridge.example");
        await partner.GotoAsync("/");
        await partner.Locator("#partner-disputes a").Last.ClickAsync();
        await partner.FillAsync("#text", "Signed LOA of 2026-03-01 attached.");
        await partner.SetInputFilesAsync("#files", new FilePayload { Name = "loa.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n") });
        await browser.ShotAsync(partner, "dispute-partner");
        await partner.ClickAsync("#send-answer");
        await Assertions.Expect(partner.Locator("#message")).ToContainTextAsync("sent to Integra");
        await Assertions.Expect(partner.Locator("a.evidence-file")).ToHaveTextAsync("loa.pdf");

        await desk.GotoAsync(requestUrl);
        await Assertions.Expect(desk.Locator("a.evidence-file")).ToHaveTextAsync("loa.pdf");
        await desk.FillAsync("#accept-reason", "Signature and date match the port.");
        await browser.ShotAsync(desk, "dispute-desk");
        await desk.ClickAsync("#accept");
        await Assertions.Expect(desk.Locator("#state")).ToHaveTextAsync("accepted");

        await desk.GotoAsync($"/Staff/Orders/Detail?id={orderId}");
        var download = await desk.RunAndWaitForDownloadAsync(() => desk.ClickAsync("#package"));
        Assert.Equal("evidence-BRIDGE-LSR-DISP-BR-1.zip", download.SuggestedFilename);
        var saved = Path.Combine(browser.Screenshots, "dispute-package.zip");
        await download.SaveAsAsync(saved);
        using var zip = ZipFile.OpenRead(saved);
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith("-loa.pdf", StringComparison.Ordinal));
        Assert.NotNull(zip.GetEntry("MANIFEST.csv"));
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in");
    }
}
