using System.Net;
using System.Text.RegularExpressions;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Storage.Ledgers;
using Microsoft.Extensions.Time.Testing;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// SPEC §7 (version 3), over HTTP: reading the partner's orders, inbox and answers needs VIEW; a user with CSR or LSR
/// alone reads the answers to the requests that user submitted (another user's is "not found"); a user with no
/// privilege is refused. Every order page, inbox page and download, for every privilege.
/// </summary>
public sealed class LeastPrivilegeTests(LeastPrivilegeFixture fixture) : IClassFixture<LeastPrivilegeFixture>
{
    private PortalHarness Portal => fixture.Portal;

    public static TheoryData<string, Privileges, string, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, Privileges, string, HttpStatusCode>();
        foreach (var (who, privileges, orders, mine, theirs, inbox) in new[]
        {
            // who, privileges, the order pages, my answer, the colleague's answer, the inbox page
            ("view", Privileges.View, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            ("lsr", Privileges.Lsr, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.OK),
            ("csr", Privileges.Csr, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK),
            ("none", Privileges.None, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        })
        {
            data.Add(who, privileges, "/Partner/Orders", orders);
            data.Add(who, privileges, "/Partner/Orders/Detail?id={order}", orders);
            data.Add(who, privileges, "{orderFile}", orders);
            data.Add(who, privileges, "/Partner/Inbox", inbox);
            data.Add(who, privileges, "/Partner/Inbox/Answer?id={mine}", mine);
            data.Add(who, privileges, "/Partner/Inbox/Download?id={mine}", mine);
            data.Add(who, privileges, "/Partner/Inbox/Answer?id={theirs}", theirs);
            data.Add(who, privileges, "/Partner/Inbox/Download?id={theirs}", theirs);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_privilege_reads_what_SPEC_7_gives_it(string who, Privileges privileges, string path, HttpStatusCode expected)
    {
        // "lsr" is the user who sent MINE-1; the others are new users of the same partner.
        using var client = who == "lsr"
            ? await SignedInAsync("lsr@acme.example")
            : await Portal.PartnerClientAsync($"{who}-{Guid.NewGuid():N}@acme.example", "ACME", privileges);
        var url = path.Replace("{order}", fixture.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{orderFile}", fixture.OrderFile, StringComparison.Ordinal)
            .Replace("{mine}", fixture.Mine.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{theirs}", fixture.Theirs.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var response = await client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        if (expected != HttpStatusCode.OK)
        {
            Assert.DoesNotContain("MINE-1", body, StringComparison.Ordinal);
            Assert.DoesNotContain("THEIRS-1", body, StringComparison.Ordinal);
            Assert.Contains("id=\"way-back\"", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_inbox_of_a_user_without_VIEW_lists_only_the_answers_to_that_users_requests()
    {
        using var lsr = await SignedInAsync("lsr@acme.example");
        using var viewer = await Portal.PartnerClientAsync("viewer2@acme.example", "ACME", Privileges.View | Privileges.Lsr);
        using var csr = await Portal.PartnerClientAsync("csr-only@acme.example", "ACME", Privileges.Csr);

        var own = await lsr.GetStringAsync("/Partner/Inbox");
        var all = await viewer.GetStringAsync("/Partner/Inbox");
        var none = await csr.GetStringAsync("/Partner/Inbox");

        Assert.Contains("MINE-1", own, StringComparison.Ordinal);
        Assert.DoesNotContain("THEIRS-1", own, StringComparison.Ordinal);
        Assert.Contains("id=\"own-only\"", own, StringComparison.Ordinal);
        Assert.Contains("MINE-1", all, StringComparison.Ordinal);
        Assert.Contains("THEIRS-1", all, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"own-only\"", all, StringComparison.Ordinal);
        Assert.Contains("id=\"empty\"", none, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Partner/Orders\"", own, StringComparison.Ordinal);
        Assert.Contains("href=\"/Partner/Orders\"", all, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Portal.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHarness.SignInAsync(client, email, "correct horse battery")).StatusCode);
        return client;
    }
}

/// <summary>ACME with two LSR users who each submitted one LSR (MINE-1 by lsr@, THEIRS-1 by lsr2@), shared by the matrix.</summary>
public sealed partial class LeastPrivilegeFixture : IAsyncLifetime
{
    internal PortalHarness Portal { get; private set; } = null!;

    internal long Mine { get; private set; }

    internal long Theirs { get; private set; }

    internal long Order { get; private set; }

    internal string OrderFile { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Portal = await PortalHarness.StartAsync(time: new FakeTimeProvider(SubmitTests.Monday));
        using var me = await Portal.PartnerClientAsync("lsr@acme.example", "ACME", Privileges.Lsr);
        using var colleague = await Portal.PartnerClientAsync("lsr2@acme.example", "ACME", Privileges.Lsr);
        await PortalHarness.PostAsync(me, "/Partner/Submit/Lsr", await PortalHarness.FormAsync(me, "/Partner/Submit/Lsr"), SubmitTests.Lsr("MINE-1"));
        await PortalHarness.PostAsync(colleague, "/Partner/Submit/Lsr", await PortalHarness.FormAsync(colleague, "/Partner/Submit/Lsr"), SubmitTests.Lsr("THEIRS-1"));
        var inbox = Portal.Intake.Inbox("ACME", 10);
        Mine = inbox.Single(a => a.Pons == "MINE-1").Id;
        Theirs = inbox.Single(a => a.Pons == "THEIRS-1").Id;
        Order = Portal.OrderId("ACME", "LSR", "MINE-1");

        using var viewer = await Portal.PartnerClientAsync("view@acme.example", "ACME", Privileges.View);
        OrderFile = WebUtility.HtmlDecode(FileLink().Match(await viewer.GetStringAsync($"/Partner/Orders/Detail?id={Order}")).Groups[1].Value);
        Assert.NotEmpty(OrderFile);
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();

    [GeneratedRegex(@"href=""(/Partner/Orders/Detail\?id=\d+&amp;handler=File&amp;file=[^""]+)""")]
    private static partial Regex FileLink();
}
