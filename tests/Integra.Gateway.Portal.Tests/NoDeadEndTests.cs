using System.Net;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.PortalHosting;
using Integra.Gateway.Storage.Ledgers;
using Microsoft.Extensions.Time.Testing;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Issue 26 "no dead ends", over HTTP: a half-filled public form is field errors with what was typed kept, never a
/// 500; a form posted twice is one queue entry; out-of-range dates are field errors; an empty LSR form never becomes a
/// request; every error status is a page of the portal with the way back and a correlation id.
/// </summary>
public sealed class NoDeadEndTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private PortalHarness _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHarness.StartAsync(time: new FakeTimeProvider(SubmitTests.Monday));

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task A_profile_with_blank_CCNA_and_administrator_email_is_field_errors_keeping_what_was_typed()
    {
        using var carrier = _portal.Client();
        var fields = StoryTests.Form("NWC", "ann@newco.example", "bob@newco.example");
        fields["Profile.Ccna"] = string.Empty;
        fields["Profile.Admin1Email"] = string.Empty;
        fields["Profile.Company"] = "New Co <b>Wireless</b>";

        var response = await PortalHarness.PostFormAsync(carrier, "/Onboarding", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"f-Ccna-error\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"f-Admin1Email-error\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"f-Ccna-error\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"New Co &lt;b&gt;Wireless&lt;/b&gt;\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"bob@newco.example\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"NOC 406-555-0199\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
        Assert.Empty((await _portal.Store.ProfilesAsync(default)));
    }

    [Fact]
    public async Task A_valid_form_page_has_no_validation_summary_and_no_inline_style()
    {
        using var carrier = _portal.Client();
        var page = await carrier.GetStringAsync("/Onboarding");

        Assert.DoesNotContain("id=\"problems\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_form_posted_twice_is_one_queue_entry_audited_as_anonymous()
    {
        using var carrier = _portal.Client();
        var form = await PortalHarness.FormAsync(carrier, "/Onboarding");
        var fields = StoryTests.Form("NWC", "ann@newco.example", "bob@newco.example");

        var first = await PortalHarness.PostAsync(carrier, "/Onboarding", form, fields);
        var second = await PortalHarness.PostAsync(carrier, "/Onboarding", form, fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Single((await _portal.Store.ProfilesAsync(default)));
        var received = Assert.Single((await _portal.Store.AuditAsync(null, 50, default)), e => e.Action == "profile-received");
        Assert.Equal("anonymous", received.Actor);
        Assert.Contains("ann@newco.example", received.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_thanks_page_shows_the_due_time_from_the_server_and_echoes_nothing_from_the_query()
    {
        using var carrier = _portal.Client(new CookieContainer());
        var form = await PortalHarness.FormAsync(carrier, "/Onboarding");
        var posted = await PortalHarness.PostAsync(carrier, "/Onboarding", form, StoryTests.Form("NWC", "ann@newco.example", "bob@newco.example"));
        var thanks = await carrier.GetStringAsync(posted.Headers.Location!.OriginalString);
        Assert.Contains("2026-03-05 17:00 UTC", thanks, StringComparison.Ordinal);

        using var stranger = _portal.Client();
        var spoofed = await stranger.GetStringAsync("/Onboarding/Thanks?due=tomorrow%2C+call+555-0000+for+faster+service");
        Assert.DoesNotContain("555-0000", spoofed, StringComparison.Ordinal);
        Assert.DoesNotContain("faster", spoofed, StringComparison.Ordinal);
        Assert.Contains("within 3 business days", spoofed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Partner/Orders?To=9999-12-31", "to")]
    [InlineData("/Partner/Orders?From=0001-01-01", "from")]
    [InlineData("/Staff/Orders?To=9999-12-31&From=2026-01-01", "to")]
    [InlineData("/Staff/Orders?From=9999-12-31", "from")]
    public async Task An_order_list_date_out_of_range_is_a_field_error_not_a_500(string path, string input)
    {
        await _portal.AddUserAsync("desk@integra.example", PortalRoles.Desk, null, Password);
        using var client = path.StartsWith("/Staff", StringComparison.Ordinal)
            ? _portal.Client()
            : await _portal.PartnerClientAsync("view@acme.example", "ACME", Privileges.View);
        if (path.StartsWith("/Staff", StringComparison.Ordinal))
        {
            await PortalHarness.SignInAsync(client, "desk@integra.example", Password);
        }

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains($"id=\"{input}-error\"", page, StringComparison.Ordinal);
        Assert.Contains("outside the dates orders are filed on", page, StringComparison.Ordinal);
        Assert.Contains($"aria-describedby=\"{input}-error\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_LSR_form_is_refused_on_the_page_and_never_becomes_a_request()
    {
        using var client = await _portal.PartnerClientAsync("lsr@acme.example", "ACME", Privileges.Lsr);
        var form = await PortalHarness.FormAsync(client, "/Partner/Submit/Lsr");

        var response = await PortalHarness.PostAsync(client, "/Partner/Submit/Lsr", form, new Dictionary<string, string> { ["F[CCNA]"] = "ACM", ["F[VER]"] = "00", ["Tns"] = string.Empty });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-field=\"PON\">Give the purchase order number", page, StringComparison.Ordinal);
        Assert.Contains("data-field=\"TN\">Give at least one telephone number", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{form.FormId}\"", page, StringComparison.Ordinal);
        Assert.Empty(_portal.Intake.Inbox("ACME", 10));

        // The same rendered form, now filled in, is still good for one request.
        var filled = await PortalHarness.PostAsync(client, "/Partner/Submit/Lsr", form, SubmitTests.Lsr("AFTER-EMPTY"));
        Assert.Contains("<td>FOC</td><td>AFTER-EMPTY</td>", await filled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(_portal.Intake.Inbox("ACME", 10));
    }

    [Fact]
    public async Task Errors_400_403_404_and_500_are_portal_pages_with_the_way_back_and_a_correlation_id()
    {
        using var client = await _portal.PartnerClientAsync("lsr@acme.example", "ACME", Privileges.Lsr);
        using var tokenless = new FormUrlEncodedContent(new Dictionary<string, string> { ["F[PON]"] = "X" });
        var badRequest = await client.PostAsync("/Partner/Submit/Lsr", tokenless);
        var forbidden = await client.GetAsync("/Partner/Submit/Csr");
        var notFound = await client.GetAsync("/Partner/Orders/Detail/nothing-here");
        var form = await PortalHarness.FormAsync(client, "/Partner/Submit/Lsr");
        _portal.Intake.Crash = s => _ = s == PortalSubmitStep.Claimed ? throw new InvalidOperationException("simulated failure") : 0;
        var failed = await PortalHarness.PostAsync(client, "/Partner/Submit/Lsr", form, SubmitTests.Lsr("FAILS-1"));

        foreach (var (response, status, title) in new[]
        {
            (badRequest, HttpStatusCode.BadRequest, "The request could not be read"),
            (forbidden, HttpStatusCode.Forbidden, "Not allowed"),
            (notFound, HttpStatusCode.NotFound, "Not found"),
            (failed, HttpStatusCode.InternalServerError, "Something went wrong on our side"),
        })
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var page = await response.Content.ReadAsStringAsync();
            Assert.Contains($"<h1 id=\"error-title\">{title}</h1>", page, StringComparison.Ordinal);
            Assert.Contains("href=\"/Partner/Submit\" id=\"way-back\"", page, StringComparison.Ordinal);
            Assert.Matches("id=\"correlation-id\">[0-9A-Za-z:]+<", page);
            Assert.Contains("/portal.css", page, StringComparison.Ordinal);
            Assert.DoesNotContain("simulated failure", page, StringComparison.Ordinal);
        }

        var correlation = System.Text.RegularExpressions.Regex.Match(await failed.Content.ReadAsStringAsync(), "id=\"correlation-id\">([^<]+)<").Groups[1].Value;
        Assert.Contains(_portal.Logs.Lines, l => l.Contains(correlation, StringComparison.Ordinal) && l.Contains("simulated failure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_error_page_itself_is_a_404_when_asked_for_directly()
    {
        using var visitor = _portal.Client();

        var response = await visitor.GetAsync("/Errors/500");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("id=\"way-back\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_supplement_form_has_no_default_SUP_and_a_SUP_1_needs_the_cancel_confirmed()
    {
        using var client = await _portal.PartnerClientAsync("lsr@acme.example", "ACME", Privileges.Lsr);
        await PortalHarness.PostAsync(client, "/Partner/Submit/Lsr", await PortalHarness.FormAsync(client, "/Partner/Submit/Lsr"), SubmitTests.Lsr("SUP-GUARD"));
        var path = $"/Partner/Submit/Supplement?order={_portal.OrderId("ACME", "LSR", "SUP-GUARD")}";
        var page = await client.GetStringAsync(path);
        Assert.Contains("<option value=\"\" selected=\"selected\">choose the supplement type</option>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"1\" selected", page, StringComparison.Ordinal);

        // A new date typed and submitted without a type: refused beside SUP, nothing submitted.
        var form = await PortalHarness.FormAsync(client, path);
        var fields = SubmitTests.Lsr("SUP-GUARD", ver: "01");
        fields["F[DDD]"] = "2026-03-06";
        var untyped = await (await PortalHarness.PostAsync(client, path, form, fields)).Content.ReadAsStringAsync();
        Assert.Contains("data-field=\"SUP\">Choose the supplement type", untyped, StringComparison.Ordinal);

        // SUP 1 without the tick: refused, the order stays; with it: the CAN.
        fields["SupType"] = "1";
        var unconfirmed = await (await PortalHarness.PostAsync(client, path, form, fields)).Content.ReadAsStringAsync();
        Assert.Contains("data-field=\"SUP\">SUP 1 cancels order SUP-GUARD", unconfirmed, StringComparison.Ordinal);
        Assert.Contains("<option value=\"1\" selected=\"selected\">", unconfirmed, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-03-06\"", unconfirmed, StringComparison.Ordinal);
        Assert.Single(_portal.Intake.Inbox("ACME", 10));

        fields["ConfirmCancel"] = "true";
        var canceled = await (await PortalHarness.PostAsync(client, path, form, fields)).Content.ReadAsStringAsync();
        Assert.Contains("<td>CAN</td><td>SUP-GUARD</td>", canceled, StringComparison.Ordinal);
    }
}
