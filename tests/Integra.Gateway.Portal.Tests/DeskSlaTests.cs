using System.Net;
using System.Text;
using System.Xml.Linq;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Desk;
using Integra.Gateway.PortalHosting;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage.Outbox;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Issue 17 item 5: the SLA board over the real Kestrel, drawn from request files decided by the gateway's pipeline.
/// Seeded: ACME's CSR requests, two of which waited 30 hours before they were decided; BRIDGE's one CSR on time;
/// BRIDGE's LSR file by SFTP (an expedite approved by the desk, R30 for a DDD too far out); BIGSKY's LSR file by e-mail (an FOC, a PND, R50 for the
/// Minnesota account, R51 and R50 for the loop-only request of Oregon); files seen but not decided; two onboarding forms.
/// </summary>
public sealed class DeskSlaTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private PortalHarness _portal = null!;

    public async Task InitializeAsync()
    {
        _portal = await PortalHarness.StartAsync(time: new FakeTimeProvider(PortalHarness.SampleMonday));
        await _portal.ReceiveAsync("ACME", "late.csr.csv", Csr("ACM", "AC-CSR-1", "A1001", "AC-CSR-2", "A1002"), Channel.Sftp, TimeSpan.FromHours(30));
        await _portal.ReceiveAsync("ACME", "ontime.csr.csv", Csr("ACM", "AC-CSR-3", "A1001"), Channel.Sftp);
        await _portal.ReceiveAsync("BRIDGE", "bridge.csr.csv", Csr("BRG", "BR-CSR-1", "A1003"), Channel.Sftp);
        await _portal.ReceiveAsync("BRIDGE", "bridge-0302.lsr.csv", Channel.Sftp);
        await _portal.ReceiveAsync("BIGSKY", "bigsky-0302.lsr.csv", Channel.Email);
        var decided = await _portal.Gateway.Services.GetRequiredService<DeskViews>().DecideAsync(new ReviewRequest("BRIDGE", "BR-2001", true, null, "desk@integra.example"), CancellationToken.None);
        Assert.Equal(ReviewResultStatus.Decided, decided.Status);
        await _portal.SightAsync("ACME", Channel.Sftp, "a.lsr.csv", "b.lsr.csv");
        await _portal.SightAsync("BIGSKY", Channel.Email, "c.lsr.csv");
        var now = _portal.Time.GetUtcNow();
        await _portal.Store.AddProfileAsync("page", new Onboarding.TradingPartnerProfile(), now.AddDays(-5), now.AddDays(-1), default);
        await _portal.Store.AddProfileAsync("page", new Onboarding.TradingPartnerProfile(), now, now.AddDays(3), default);
        await _portal.AddUserAsync("desk@integra.example", PortalRoles.Desk, null, Password);
        await _portal.AddUserAsync("admin@integra.example", PortalRoles.Admin, null, Password);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_board_draws_the_seeded_figures_as_SVG_with_their_numbers()
    {
        using var desk = await SignedIn("desk@integra.example");
        var response = await desk.GetAsync("/Staff/Sla");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();

        // The refresh is the site's script, which can be paused (WCAG 2.2.1); no meta refresh, no inline script.
        Assert.Contains("<script src=\"/sla-refresh.js\" defer></script>", page, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "<script", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        Assert.Contains("data-seconds=\"60\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<td id=\"csr-share\">2 of 4 (50%)</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td id=\"forms\">2, 1 past due</td>", page, StringComparison.Ordinal);

        var charts = Charts(page);
        Assert.Equal(
            [("ACME", "1 of 3 (33.3%)"), ("BRIDGE", "1 of 1 (100%)")],
            Bars(charts["CSR answered within 24 hours, last 30 days, per partner"]));
        var states = Bars(charts["Orders by state"]);
        Assert.Contains(("LSR FOC", "2"), states); // BR-2001 approved, BSK-3001
        Assert.Contains(("LSR pending expedite review (PND)", "1"), states); // BSK-3003
        Assert.Contains(("LSR rejected", "3"), states); // BR-2002, BSK-3002, BSK-3004
        Assert.Contains(("CSR complete", "4"), states);
        Assert.Equal([("R50", "2"), ("R30", "1"), ("R51", "1")], Bars(charts["Rejects by code, last 30 days"]));
        Assert.Equal([("BIGSKY", "2"), ("BRIDGE", "1")], Bars(charts["Rejected requests by partner, last 30 days"]));
        Assert.Equal([("email", "1"), ("sftp", "2")], Bars(charts["Request files waiting for an answer, per channel"]));
        Assert.Equal([("sftp", "1")], Bars(charts["Answers waiting for delivery, per channel"]));
        Assert.Equal([("past due", "1"), ("not yet due", "1")], Bars(charts["Onboarding forms waiting (due 3 business days after receipt)"]));
    }

    [Fact]
    public async Task A_tn_activated_in_npac_after_its_cancel_was_delivered_is_on_the_board()
    {
        // SLA-1 FOCs Wednesday 2026-03-04 and expires in the sweep of Thursday 2026-03-12; its NPAC CANCEL goes out;
        // NPAC then reports the TN activated on Monday 2026-03-09, before the expiry: the desk must check NPAC.
        await _portal.ReceiveAsync("ACME", Channel.Sftp, "sla.lsr.csv", "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,PASSCODE,TN\nACM,SLA-1,00,ACMW,6001,C,CB,V,2026-03-04,5035550900,Y,A1001,97201,,503-555-0101\n");
        _portal.Time.Advance(TimeSpan.FromDays(10)); // the sweep runs on Thursday 2026-03-12
        using (var store = _portal.Gateway.Services.GetRequiredService<Storage.Sessions.UnitOfWorkFactory>().Open())
        {
            await new Lifecycle.ExpirySweep(
                _portal.Gateway.Services.GetRequiredService<Reference.ReferenceDataSource>().Current,
                _portal.Gateway.Services.GetRequiredService<Rules.Policy.PolicyOptions>(),
                store).RunAsync(NodaTime.Instant.FromUtc(2026, 3, 12, 13, 0), CancellationToken.None);
            var outbox = store.Outbox;
            await outbox.MarkDeliveredAsync(Assert.Single((await outbox.PendingAsync(Delivery.OutboxKind.Npac, null, CancellationToken.None))), CancellationToken.None);
        }

        await _portal.ImportActivationsAsync("5035550101,6001,2026-03-09T20:00:00Z");
        using var desk = await SignedIn("desk@integra.example");
        var page = await desk.GetStringAsync("/Staff/Sla");
        Assert.Contains("<td id=\"activated-after-cancel\">1</td>", page, StringComparison.Ordinal);
        Assert.Contains("ACME PON SLA-1", page, StringComparison.Ordinal);
        Assert.Contains("TN 5035550101 activated for 6001", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figures_older_than_30_days_leave_the_board()
    {
        _portal.Time.Advance(TimeSpan.FromDays(31));
        using var admin = await SignedIn("admin@integra.example");
        var charts = Charts(await admin.GetStringAsync("/Staff/Sla"));

        Assert.Empty(Bars(charts["CSR answered within 24 hours, last 30 days, per partner"]));
        Assert.Empty(Bars(charts["Rejects by code, last 30 days"]));
        Assert.Contains(("LSR FOC", "2"), Bars(charts["Orders by state"])); // states are not a period
    }

    [Fact]
    public async Task A_partner_user_is_refused_and_the_staff_home_keeps_the_onboarding_queue()
    {
        await _portal.AddUserAsync("view@acme.example", PortalRoles.PartnerUser, "ACME", Password, Privileges.View);
        using var partner = await SignedIn("view@acme.example");
        var refused = await partner.GetAsync("/Staff/Sla");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/Denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var desk = await SignedIn("desk@integra.example");
        Assert.Contains("Trading Partner Profile queue", await desk.GetStringAsync("/Staff"), StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedIn(string email)
    {
        var client = _portal.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHarness.SignInAsync(client, email, Password)).StatusCode);
        return client;
    }

    private static byte[] Csr(string ccna, params string[] ponsAndAccounts)
    {
        var text = new StringBuilder("CCNA,PON,AGAUTH,INITTEL,AN,TN\n");
        for (var i = 0; i < ponsAndAccounts.Length; i += 2)
        {
            text.Append(ccna).Append(',').Append(ponsAndAccounts[i]).Append(",Y,5035550900,").Append(ponsAndAccounts[i + 1]).Append(",\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Every chart of the page by its title (each is well-formed SVG).</summary>
    private static Dictionary<string, XElement> Charts(string page)
    {
        var charts = new Dictionary<string, XElement>(StringComparer.Ordinal);
        for (var start = page.IndexOf("<svg", StringComparison.Ordinal); start >= 0; start = page.IndexOf("<svg", start + 1, StringComparison.Ordinal))
        {
            var end = page.IndexOf("</svg>", start, StringComparison.Ordinal) + "</svg>".Length;
            var chart = XElement.Parse(page[start..end]);
            charts.Add(chart.Element(Svg + "title")!.Value, chart);
        }

        return charts;
    }

    /// <summary>A chart's bars as (label, number written beside it).</summary>
    private static List<(string, string)> Bars(XElement chart) =>
        chart.Elements(Svg + "g").Select(g => g.Elements(Svg + "text").Select(t => t.Value).ToList()).Select(t => (t[0], t[1])).ToList();
}
