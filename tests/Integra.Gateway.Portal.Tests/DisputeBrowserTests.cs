using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Integra.Gateway.Hosting;
using Integra.Gateway.Hosting.Health;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Disputes;
using Integra.Gateway.PortalHosting;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using NodaTime;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Issue 27 "Done when", in a real headless Chromium: the desk opens an evidence request from the order's page, the
/// partner's administrator is mailed, a partner user answers with a PDF and text, the desk rejects, the user answers
/// again, the desk accepts and downloads the evidence package; a second request, past due, is flagged on the SLA
/// board and in the Prometheus <c>/metrics</c> scrape. PON <c>DISP-BR-1</c> is this test's own (the browser
/// collection shares one portal), on a TN no other test uses: one open order per TN (L19).
/// </summary>
[Collection(Browser.Name)]
public sealed partial class DisputeBrowserTests(BrowserFixture browser)
{
    private const string Password = "correct horse battery";

    private PortalHarness Portal => browser.Portal;

    [Fact]
    public async Task The_desk_asks_the_partner_answers_twice_around_a_rejection_the_desk_accepts_and_a_past_due_request_is_on_the_board_and_in_metrics()
    {
        // The browser collection's portal runs on the real clock: the DDD is two weeks from today, the LOA dated yesterday.
        var today = Portal.Time.GetUtcNow();
        await Portal.ReceiveAsync("BRIDGE", "disp-browser.lsr.csv", Encoding.UTF8.GetBytes(
            "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,SUP,EXP,MI,REMARKS,D/TSENT,AUTHNM,DATED\n" +
            $"BRG,DISP-BR-1,00,BRGC,6101,C,CB,V,{today.AddDays(14):yyyy-MM-dd},5035550900,Y,A1008,97301,5035550301,,,,,{today.AddDays(-1):yyyy-MM-dd}T08:00:00-07:00,Lee Park,{today.AddDays(-1):yyyy-MM-dd}\n"), Channel.Sftp);
        var orderId = Portal.OrderId("BRIDGE", "LSR", "DISP-BR-1");
        await Portal.AddUserAsync("disputes@integra.example", PortalRoles.Desk, null, Password);
        await Portal.AddUserAsync("disputes-admin@bridge.example", PortalRoles.PartnerAdmin, "BRIDGE", Password);
        await Portal.AddUserAsync("disputes@bridge.example", PortalRoles.PartnerUser, "BRIDGE", Password, Privileges.Lsr);

        var desk = await browser.NewPageAsync();
        await SignInAsync(desk, "disputes@integra.example");
        await desk.GotoAsync($"/Staff/Orders/Detail?id={orderId}");
        await desk.FillAsync("#dispute-reason", "The end user says they never asked to leave Integra: send the signed LOA.");
        await desk.CheckAsync("input[name='tns'][value='5035550301']");
        await browser.ShotAsync(desk, "dispute-open");
        await desk.ClickAsync("#open-request");
        await Assertions.Expect(desk.Locator("#message")).ToContainTextAsync("opened, due");
        var requestUrl = desk.Url;
        var id = long.Parse(requestUrl[(requestUrl.IndexOf("id=", StringComparison.Ordinal) + 3)..], System.Globalization.CultureInfo.InvariantCulture);

        // The partner's administrator is mailed the request's link.
        var mail = Assert.Single(Portal.Mails(), m => m.To.Mailboxes.Any(a => a.Address == "disputes-admin@bridge.example") && (m.Subject ?? string.Empty).Contains("DISP-BR-1", StringComparison.Ordinal));
        Assert.Contains($"/Partner/Disputes/Detail?id={id}", mail.TextBody ?? string.Empty, StringComparison.Ordinal);

        // A partner user answers from the header's Evidence requests with a PDF and text.
        var partner = await browser.NewPageAsync();
        await SignInAsync(partner, "disputes@bridge.example");
        await partner.GotoAsync("/");
        await partner.ClickAsync("header a[href='/Partner/Disputes']");
        await partner.ClickAsync($"a[href='/Partner/Disputes/Detail?id={id}']");
        await partner.FillAsync("#text", "Signed LOA of 2026-03-01 attached.");
        await partner.SetInputFilesAsync("#files", new FilePayload { Name = "loa.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n") });
        await browser.ShotAsync(partner, "dispute-partner");
        await partner.ClickAsync("#send-answer");
        await Assertions.Expect(partner.Locator("#message")).ToContainTextAsync("sent to Integra");
        await Assertions.Expect(partner.Locator("a.evidence-file")).ToHaveTextAsync("loa.pdf");

        // The desk rejects; the partner reads why and answers again.
        await desk.GotoAsync(requestUrl);
        await Assertions.Expect(desk.Locator("a.evidence-file")).ToHaveTextAsync("loa.pdf");
        await desk.FillAsync("#reject-reason", "The LOA is not signed.");
        await desk.ClickAsync("#reject");
        await Assertions.Expect(desk.Locator("#state")).ToHaveTextAsync("rejected, waiting for more evidence");
        await partner.GotoAsync($"/Partner/Disputes/Detail?id={id}");
        await Assertions.Expect(partner.Locator("#decision")).ToContainTextAsync("The LOA is not signed.");
        await partner.FillAsync("#text", "The signed copy.");
        await partner.SetInputFilesAsync("#files", new FilePayload { Name = "signed-loa.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n% signed\n%%EOF\n") });
        await partner.ClickAsync("#send-answer");
        await Assertions.Expect(partner.Locator("#message")).ToContainTextAsync("sent to Integra");

        // The desk accepts and downloads the package.
        await desk.GotoAsync(requestUrl);
        await Assertions.Expect(desk.Locator("a.evidence-file")).ToHaveTextAsync(["loa.pdf", "signed-loa.pdf"]);
        await Assertions.Expect(desk.Locator("#decision")).ToHaveTextAsync("earlier decision by disputes@integra.example: The LOA is not signed.");
        await desk.FillAsync("#accept-reason", "Signature and date match the port.");
        await browser.ShotAsync(desk, "dispute-desk");
        await desk.ClickAsync("#accept");
        await Assertions.Expect(desk.Locator("#state")).ToHaveTextAsync("accepted");
        await Assertions.Expect(desk.Locator("#decision")).ToHaveTextAsync("accepted by disputes@integra.example: Signature and date match the port.");

        await desk.GotoAsync($"/Staff/Orders/Detail?id={orderId}");
        var download = await desk.RunAndWaitForDownloadAsync(() => desk.ClickAsync("#package"));
        Assert.Equal("evidence-BRIDGE-LSR-DISP-BR-1.zip", download.SuggestedFilename);
        var saved = Path.Combine(browser.Screenshots, "dispute-package.zip");
        await download.SaveAsAsync(saved);
        using (var zip = ZipFile.OpenRead(saved))
        {
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith("-signed-loa.pdf", StringComparison.Ordinal));
            Assert.NotNull(zip.GetEntry("MANIFEST.csv"));
        }

        // A second request, opened five days ago and due yesterday in the desk's zone: past due now.
        var disputes = Portal.Gateway.Services.GetRequiredService<DisputeServices>();
        var now = Instant.FromDateTimeOffset(today);
        var yesterday = now.InZone(disputes.DeskZone).Date.PlusDays(-1);
        var late = await disputes.Store.AddAsync(new NewEvidenceRequest(orderId, "BRIDGE", "LSR", "DISP-BR-1", "Send the end user's bill.", ["5035550301"], yesterday, yesterday.PlusDays(1).AtStartOfDayInZone(disputes.DeskZone).ToInstant(), "disputes@integra.example", now - Duration.FromDays(5)), CancellationToken.None);
        var pastDue = (await disputes.Store.PastDueAsync(now, CancellationToken.None)).Count;

        await desk.GotoAsync("/Staff/Sla");
        await Assertions.Expect(desk.Locator("#disputes-past-due")).ToHaveTextAsync($"{pastDue}");
        await Assertions.Expect(desk.Locator($"#disputes-past-due-list a[href='/Staff/Disputes/Detail?id={late}']")).ToHaveTextAsync($"Request {late}");
        await Assertions.Expect(desk.Locator($"#disputes-past-due-list a[href='/Staff/Disputes/Detail?id={id}']")).ToHaveCountAsync(0);
        await browser.ShotAsync(desk, "dispute-sla-board");
        await desk.ClickAsync("header a[href='/Staff/Disputes']");
        await Assertions.Expect(desk.Locator("body")).ToContainTextAsync($"Past due: {pastDue}");

        Assert.True(pastDue >= 1);
        Assert.Equal(pastDue, await ScrapePastDueAsync(Portal.Database, new TimeProviderClock(Portal.Time)));
    }

    /// <summary>The daemon's gauges over the portal's store, scraped from a real Prometheus <c>/metrics</c> endpoint.</summary>
    private static async Task<long> ScrapePastDueAsync(string database, NodaTime.IClock clock)
    {
        int port;
        using (var socket = new TcpListener(IPAddress.Loopback, 0))
        {
            socket.Start();
            port = ((IPEndPoint)socket.LocalEndpoint).Port;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Telemetry:PrometheusListen"] = $"http://127.0.0.1:{port}/" });
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton(clock)
            .AddSingleton(Options.Create(new Configuration.GatewaySettings { Database = database }))
            .AddSingleton(Options.Create(new Configuration.LocalDropSettings { Enabled = false }))
            .AddSingleton(Options.Create(new Drops.Sftp.SftpSettings()))
            .AddSingleton(Options.Create(new Gateway.Mail.MailSettings()))
            .AddSingleton(Options.Create(new HealthSettings()))
            .AddSingleton(new ReferenceDataSource(Gateway.Tests.Repo.SampleData, clock))
            .AddGatewayTelemetry(configuration)
            .BuildServiceProvider();
        using var meters = provider.GetRequiredService<OpenTelemetry.Metrics.MeterProvider>();
        provider.GetRequiredService<Operations.GatewayGauges>();
        var server = provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ProbeServer>().Single();
        await server.StartAsync(default);
        try
        {
            using var http = new HttpClient();
            var text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
            var sample = PastDueSample().Match(text);
            Assert.True(sample.Success, $"no gateway_disputes_past_due in:\n{text}");
            return long.Parse(sample.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await server.StopAsync(default);
        }
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in");
    }

    [GeneratedRegex(@"^gateway_disputes_past_due(?:\{[^}]*\})? (\d+)", RegexOptions.Multiline)]
    private static partial Regex PastDueSample();
}
