using System.Net;
using System.Text.RegularExpressions;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Portal.Tests;

/// <summary>Issue 26 item 6: the audit page, keyset-paged newest first and filtered, over HTTP against the real portal.</summary>
public sealed partial class AuditPageTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private PortalHarness _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHarness.StartAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_page_shows_100_entries_newest_first_and_the_next_link_carries_the_last_id()
    {
        // 250 entries of one action, a day apart from 2026-01-01, so that the sign-in's own entries stay out.
        for (var i = 0; i < 250; i++)
        {
            await _portal.Store.AddAuditAsync(new AuditEntry(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero).AddHours(i), $"u{i}@acme.example", "ACME", "seeded", $"t{i}", "", "127.0.0.1"), default);
        }

        using var desk = await DeskAsync();
        var first = await desk.GetStringAsync("/Staff/Audit?Action=seeded");
        var targets = Targets(first);
        Assert.Equal(100, targets.Count);
        Assert.Equal("t249", targets[0]);
        Assert.Equal("t150", targets[^1]);

        var next = WebUtility.HtmlDecode(NextLink().Match(first).Groups[1].Value);
        var lastId = (await _portal.Store.AuditPageAsync(new AuditFilter(null, null, "seeded", null, null), null, 100, default))[^1].Id;
        Assert.Equal($"/Staff/Audit?Action=seeded&Before={lastId}", next);

        var second = await desk.GetStringAsync(next);
        Assert.Equal("t149", Targets(second)[0]);
        var third = await desk.GetStringAsync(WebUtility.HtmlDecode(NextLink().Match(second).Groups[1].Value));
        Assert.Equal(50, Targets(third).Count);
        Assert.Equal("t0", Targets(third)[^1]);
        Assert.DoesNotContain("id=\"next\"", third, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actor_partner_action_and_days_filter_the_entries()
    {
        await _portal.Store.AddAuditAsync(new AuditEntry(new DateTimeOffset(2026, 3, 1, 23, 59, 59, 999, TimeSpan.Zero), "Ann@acme.example", "ACME", "user-created", "a", "", "127.0.0.1"), default);
        await _portal.Store.AddAuditAsync(new AuditEntry(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), "ann@acme.example", "ACME", "user-disabled", "b", "", "127.0.0.1"), default);
        await _portal.Store.AddAuditAsync(new AuditEntry(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), "bob@bigsky.example", "BIGSKY", "user-created", "c", "", "127.0.0.1"), default);
        await _portal.Store.AddAuditAsync(new AuditEntry(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero), "ann@acme.example", "ACME", "user-created", "d", "", "127.0.0.1"), default);

        using var desk = await DeskAsync();
        Assert.Equal(["d", "b", "a"], Targets(await desk.GetStringAsync("/Staff/Audit?Actor=ANN@acme.example")));
        Assert.Equal(["c"], Targets(await desk.GetStringAsync("/Staff/Audit?Partner=bigsky")));
        Assert.Equal(["d", "a"], Targets(await desk.GetStringAsync("/Staff/Audit?Partner=ACME&Action=user-created")));
        Assert.Equal(["c", "b"], Targets(await desk.GetStringAsync("/Staff/Audit?From=2026-03-02&To=2026-03-02")));
        Assert.Equal(["a"], Targets(await desk.GetStringAsync("/Staff/Audit?To=2026-03-01")));
        Assert.Equal(["d"], Targets(await desk.GetStringAsync("/Staff/Audit?Action=user-created&From=2026-03-03&To=9999-12-31")));
    }

    [Theory]
    [InlineData("From=2026-13-01", "From", "From must be a date as yyyy-MM-dd")]
    [InlineData("To=yesterday", "To", "To must be a date as yyyy-MM-dd")]
    [InlineData("From=2026-03-02&To=2026-03-01", "To", "To (2026-03-01) is before From (2026-03-02).")]
    public async Task A_bad_date_is_a_field_error_not_a_500(string query, string field, string message)
    {
        using var desk = await DeskAsync();
        var response = await desk.GetAsync("/Staff/Audit?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains($"aria-describedby=\"audit-{field}-error\"", page, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"error field-error\" id=\"audit-{field}-error\" data-field=\"{field}\">{WebUtility.HtmlEncode(message)}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<table id=\"audit\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_user_cannot_read_the_audit_page()
    {
        await _portal.AddUserAsync("audit-admin@acme.example", PortalRoles.PartnerAdmin, "ACME", Password);
        using var partner = _portal.Client();
        await PortalHarness.SignInAsync(partner, "audit-admin@acme.example", Password);
        var response = await partner.GetAsync("/Staff/Audit?Action=sign-in");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task<HttpClient> DeskAsync()
    {
        await _portal.AddUserAsync("audit-desk@integra.example", PortalRoles.Desk, null, Password);
        var client = _portal.Client();
        await PortalHarness.SignInAsync(client, "audit-desk@integra.example", Password);
        return client;
    }

    private static List<string> Targets(string page) =>
        Row().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [GeneratedRegex("<tr data-id=\"\\d+\"><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td>")]
    private static partial Regex Row();

    [GeneratedRegex("<a id=\"next\" href=\"([^\"]+)\"")]
    private static partial Regex NextLink();
}
