using System.Net;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Desk;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage.Outbox;
using Microsoft.Extensions.Time.Testing;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Issue 17 item 4: the desk's expedite reviews over the real Kestrel. The expedites are real request files decided by
/// the gateway's pipeline (BRIDGE's by SFTP, BIGSKY's Montana one by e-mail), received Monday 2026-03-02 12:30 in
/// Denver; each decision must be the command line's (same FOC dates) and reach the order's own channel once.
/// </summary>
public sealed class DeskReviewTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private PortalHarness _portal = null!;

    public async Task InitializeAsync()
    {
        _portal = await PortalHarness.StartAsync(time: new FakeTimeProvider(PortalHarness.SampleMonday));
        await _portal.ReceiveAsync("BRIDGE", "bridge-0302.lsr.csv", Channel.Sftp);
        await _portal.ReceiveAsync("BIGSKY", "bigsky-0302.lsr.csv", Channel.Email);
        await _portal.AddUserAsync("desk@integra.example", PortalRoles.Desk, null, Password);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_list_shows_each_pending_expedite_with_its_TNs_ERD_and_age_in_business_hours()
    {
        // Tuesday 13:00 in Denver: 24.5 business hours after Monday 12:30, more than one business day.
        _portal.Time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 20, 0, 0, TimeSpan.Zero));
        using var desk = await Desk();
        var page = await desk.GetStringAsync("/Staff/Reviews");

        var bridge = Row(page, "BR-2001");
        Assert.Contains("BRIDGE", bridge, StringComparison.Ordinal);
        Assert.Contains("6025550101 P", bridge, StringComparison.Ordinal);
        Assert.Contains("6025550102 D", bridge, StringComparison.Ordinal);
        Assert.Contains("<td>2026-03-02</td>", bridge, StringComparison.Ordinal); // ERD
        Assert.Contains("<td>2026-03-06</td>", bridge, StringComparison.Ordinal); // SDD: non-simple, 4 business days
        Assert.Contains("24.5 business h (OVERDUE)", bridge, StringComparison.Ordinal);
        Assert.Contains("<td>SFTP</td>", bridge, StringComparison.Ordinal);
        Assert.Contains("<td>e-mail</td>", Row(page, "BSK-3003"), StringComparison.Ordinal);
        Assert.DoesNotContain("BR-2002", page, StringComparison.Ordinal); // rejected (R30), not a review
    }

    [Fact]
    public async Task An_approval_with_a_date_records_one_FOC_on_the_orders_own_channel_and_audits_it()
    {
        using var desk = await Desk();
        var approved = await Approve(desk, "BRIDGE", "BR-2001", "2026-03-04");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var foc = Assert.Single(await _portal.OutboxAsync(Channel.Sftp), f => f.FileName == "review-BR-2001-00.resp.csv");
        Assert.Equal("BRIDGE", foc.Partner);
        Assert.All(foc.Rows, r => Assert.Equal(("FOC", "BR-2001", "00", "2026-03-04"), (r[0], r[2], r[3], r[8])));
        Assert.DoesNotContain(await _portal.OutboxAsync(Channel.Email), f => f.FileName.Contains("BR-2001", StringComparison.Ordinal));
        var order = _portal.Order("BRIDGE", "BR-2001");
        Assert.Equal((OrderState.Foc, new NodaTime.LocalDate(2026, 3, 4)), (order.State, order.FocDate));

        var list = await desk.GetStringAsync("/Staff/Reviews");
        Assert.Contains("FOC 2026-03-04 recorded for delivery on SFTP", list, StringComparison.Ordinal);
        Assert.DoesNotContain("data-pon=\"BR-2001\"", list, StringComparison.Ordinal);
        var audit = Assert.Single((await _portal.Store.AuditAsync("BRIDGE", 50, default)), a => a.Action == DeskAuditActions.ReviewApproved);
        Assert.Equal(("desk@integra.example", "PON BR-2001"), (audit.Actor, audit.Target));
    }

    [Fact]
    public async Task An_emailed_expedite_is_answered_by_mail_in_its_thread_not_in_a_drop()
    {
        using var desk = await Desk();
        Assert.Equal(HttpStatusCode.Redirect, (await Approve(desk, "BIGSKY", "BSK-3003", string.Empty)).StatusCode);

        var foc = Assert.Single(await _portal.OutboxAsync(Channel.Email), f => f.FileName == "review-BSK-3003-00.resp.csv");
        Assert.Equal(("lsr@bigsky-local.example", "<bigsky-0302.lsr.csv@bigsky.example>"), (foc.Route!.Thread!.To, foc.Route.Thread.MessageId));

        // Asked for Monday itself, reviewed Monday 12:30 before the simple cutoff: the review's ERD is Monday.
        Assert.All(foc.Rows, r => Assert.Equal(("FOC", "2026-03-02"), (r[0], r[8])));
        Assert.DoesNotContain(await _portal.OutboxAsync(Channel.Sftp), f => f.FileName.Contains("BSK-3003", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_denial_confirms_the_standard_due_date()
    {
        using var desk = await Desk();
        var denied = await PortalHarness.PostFormAsync(desk, "/Staff/Reviews", new Dictionary<string, string> { ["partner"] = "BRIDGE", ["pon"] = "BR-2001" }, "/Staff/Reviews?handler=Deny");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);

        var foc = Assert.Single(await _portal.OutboxAsync(Channel.Sftp), f => f.FileName == "review-BR-2001-00.resp.csv");
        Assert.All(foc.Rows, r => Assert.Equal("2026-03-06", r[8]));
        Assert.Equal(OrderState.Foc, _portal.Order("BRIDGE", "BR-2001").State);
        Assert.Single((await _portal.Store.AuditAsync("BRIDGE", 50, default)), a => a.Action == DeskAuditActions.ReviewDenied);
    }

    [Theory]
    [InlineData("2026-03-04", "2026-03-04 is before the review's effective received date 2026-03-05; an FOC date cannot be in the past")]
    [InlineData("2026-03-07", "2026-03-07 is not a business day")]
    public async Task A_date_the_rules_refuse_is_shown_on_the_form_in_their_words_and_nothing_is_recorded(string date, string words)
    {
        // Thursday 10:00 in Denver: Wednesday is in the past.
        _portal.Time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 17, 0, 0, TimeSpan.Zero));
        using var desk = await Desk();
        var refused = await Approve(desk, "BRIDGE", "BR-2001", date);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains(words, Row(page, "BR-2001"), StringComparison.Ordinal);
        Assert.Empty(await _portal.OutboxAsync(Channel.Sftp));
        Assert.Equal(OrderState.PendingReview, _portal.Order("BRIDGE", "BR-2001").State);
        Assert.Single((await _portal.Store.AuditAsync("BRIDGE", 50, default)), a => a.Action == DeskAuditActions.ReviewRefused);
    }

    [Fact]
    public async Task A_decision_on_a_version_no_longer_pending_is_a_conflict_and_records_nothing()
    {
        using var desk = await Desk();
        var stale = await PortalHarness.PostFormAsync(
            desk, "/Staff/Reviews", new Dictionary<string, string> { ["partner"] = "BRIDGE", ["pon"] = "BR-2001", ["ver"] = "01", ["dd"] = string.Empty }, "/Staff/Reviews?handler=Approve");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("VER 01 is no longer awaiting expedite review: VER 00 is", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(await _portal.OutboxAsync(Channel.Sftp));
        Assert.Equal(OrderState.PendingReview, _portal.Order("BRIDGE", "BR-2001").State);
    }

    [Fact]
    public async Task Two_desk_users_approving_at_once_get_one_FOC_and_the_second_a_conflict()
    {
        await _portal.AddUserAsync("desk2@integra.example", PortalRoles.Desk, null, Password);
        using var first = await Desk();
        using var second = await Desk("desk2@integra.example");

        var answers = await Task.WhenAll(Approve(first, "BRIDGE", "BR-2001", "2026-03-04"), Approve(second, "BRIDGE", "BR-2001", "2026-03-05"));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var conflict = WebUtility.HtmlDecode(await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync());
        Assert.Contains("decided already", conflict, StringComparison.Ordinal);
        Assert.Contains("no second FOC", conflict, StringComparison.Ordinal);
        Assert.Single(await _portal.OutboxAsync(Channel.Sftp), f => f.FileName == "review-BR-2001-00.resp.csv");

        // Later, once more from a stale page: still 409, still one FOC.
        var again = await Approve(first, "BRIDGE", "BR-2001", "2026-03-04");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(await _portal.OutboxAsync(Channel.Sftp), f => f.FileName == "review-BR-2001-00.resp.csv");
    }

    [Fact]
    public async Task A_partner_user_can_neither_see_nor_decide_reviews()
    {
        await _portal.AddUserAsync("lsr@bridge.example", PortalRoles.PartnerAdmin, "BRIDGE", Password, Privileges.Lsr | Privileges.View);
        using var partner = _portal.Client();
        await PortalHarness.SignInAsync(partner, "lsr@bridge.example", Password);

        var page = await partner.GetAsync("/Staff/Reviews");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Denied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // A forged post (with the partner's own anti-forgery token) decides nothing either.
        var post = await PortalHarness.PostFormAsync(partner, "/Partner/Users", new Dictionary<string, string> { ["partner"] = "BRIDGE", ["pon"] = "BR-2001" }, "/Staff/Reviews?handler=Approve");
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(OrderState.PendingReview, _portal.Order("BRIDGE", "BR-2001").State);
        Assert.Empty(await _portal.OutboxAsync(Channel.Sftp));
    }

    private async Task<HttpClient> Desk(string email = "desk@integra.example")
    {
        var client = _portal.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHarness.SignInAsync(client, email, Password)).StatusCode);
        return client;
    }

    private static Task<HttpResponseMessage> Approve(HttpClient client, string partner, string pon, string date) =>
        PortalHarness.PostFormAsync(client, "/Staff/Reviews", new Dictionary<string, string> { ["partner"] = partner, ["pon"] = pon, ["dd"] = date }, "/Staff/Reviews?handler=Approve");

    /// <summary>The table row of <paramref name="pon"/> on the review page.</summary>
    private static string Row(string page, string pon)
    {
        var start = page.IndexOf($"data-pon=\"{pon}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {pon}");
        var end = page.IndexOf("</tr>", start, StringComparison.Ordinal);
        return page[start..end];
    }
}
