using System.Net;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage.Outbox;
using Microsoft.Extensions.Time.Testing;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// The desk's review page and the 30-day bound of contract v3 (SPEC §4 expedite review; issue 24 item 6): a date
/// more than 30 calendar days after the review's local date is a form error beside the date field and records
/// nothing; day 30 is confirmed. BRIDGE's BR-2001 (Arizona) reviewed Monday 2026-03-02 12:30 Phoenix.
/// </summary>
public sealed class DeskReviewBoundTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private PortalHarness _portal = null!;

    public async Task InitializeAsync()
    {
        _portal = await PortalHarness.StartAsync(time: new FakeTimeProvider(PortalHarness.SampleMonday));
        await _portal.ReceiveAsync("BRIDGE", "bridge-0302.lsr.csv", Channel.Sftp);
        await _portal.AddUserAsync("desk@integra.example", PortalRoles.Desk, null, Password);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Theory]
    [InlineData("2026-04-02")]
    [InlineData("2026-07-01")]
    public async Task Review_a_date_more_than_30_days_out_is_a_form_error_beside_the_date_and_nothing_is_recorded(string date)
    {
        using var desk = await Desk();
        var refused = await Approve(desk, date);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var form = Form(page);
        Assert.Contains("name=\"dd\"", form, StringComparison.Ordinal);
        Assert.Contains($"{date} is more than 30 calendar days after the review's local date 2026-03-02; give 2026-04-01 or earlier", form, StringComparison.Ordinal);
        Assert.Empty(await _portal.OutboxAsync(Channel.Sftp));
        Assert.Equal(OrderState.PendingReview, _portal.Order("BRIDGE", "BR-2001").State);
    }

    [Fact]
    public async Task Review_day_30_is_confirmed_from_the_desk()
    {
        using var desk = await Desk();
        Assert.Equal(HttpStatusCode.Redirect, (await Approve(desk, "2026-04-01")).StatusCode);
        var foc = Assert.Single(await _portal.OutboxAsync(Channel.Sftp), f => f.FileName == "review-BR-2001-00.resp.csv");
        Assert.All(foc.Rows, r => Assert.Equal(("FOC", "2026-04-01"), (r[0], r[8])));
    }

    private async Task<HttpClient> Desk()
    {
        var client = _portal.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHarness.SignInAsync(client, "desk@integra.example", Password)).StatusCode);
        return client;
    }

    private static Task<HttpResponseMessage> Approve(HttpClient client, string date) =>
        PortalHarness.PostFormAsync(client, "/Staff/Reviews", new Dictionary<string, string> { ["partner"] = "BRIDGE", ["pon"] = "BR-2001", ["dd"] = date }, "/Staff/Reviews?handler=Approve");

    /// <summary>The approve form of BR-2001's row: the date field and its error, if any.</summary>
    private static string Form(string page)
    {
        var row = page.IndexOf("data-pon=\"BR-2001\"", StringComparison.Ordinal);
        Assert.True(row >= 0, "no row for BR-2001");
        var start = page.IndexOf("class=\"review-approve\"", row, StringComparison.Ordinal);
        var end = page.IndexOf("</form>", start, StringComparison.Ordinal);
        return page[start..end];
    }
}
