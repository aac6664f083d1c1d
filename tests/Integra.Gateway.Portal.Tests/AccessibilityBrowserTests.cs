using Deque.AxeCore.Playwright;
using Integra.Gateway.Portal.Accounts;
using Microsoft.Playwright;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Issue 26 item 7: axe-core (Deque.AxeCore.Playwright) over every page each role reaches by following the portal's
/// own links from where it lands, the public pages included, and over the pages that show field errors. A violation
/// of impact "serious" or "critical" fails the test, naming the page, the rule and the elements. Nothing is submitted
/// that creates an order: the browser collection shares one portal and contract v3 allows one open order per TN.
/// Addresses are this test's own (<c>a11y-</c>).
/// </summary>
[Collection(Browser.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture browser)
{
    private const string Password = "correct horse battery";

    /// <summary>A crawl is bounded so that a list with many rows cannot turn one test into minutes.</summary>
    private const int MaxPagesPerRole = 40;

    [Fact]
    public async Task Public_pages_have_no_serious_accessibility_violations()
    {
        var page = await browser.NewPageAsync();
        var visited = new List<string>();
        var problems = await CrawlAsync(page, ["/", "/Account/SignIn", "/Onboarding", "/Docs"], visited);
        Assert.Empty(new[] { "/", "/Account/SignIn", "/Onboarding", "/Docs" }.Except(visited, StringComparer.OrdinalIgnoreCase));

        // The states with errors beside their fields, which a crawl of links never reaches.
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#email", "a11y-nobody@example.com");
        await page.FillAsync("#password", "not the password");
        await page.ClickAsync("#sign-in");
        problems.AddRange(await CheckAsync(page, "/Account/SignIn (refused)"));
        await page.GotoAsync("/Onboarding");
        await page.ClickAsync("#submit-profile");
        problems.AddRange(await CheckAsync(page, "/Onboarding (blank)"));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("a11y-admin@acme.example", PortalRoles.PartnerAdmin, "ACME", Privileges.None, "/Partner/Users /Partner/Webhooks /Docs")]
    [InlineData("a11y-user@acme.example", PortalRoles.PartnerUser, "ACME", Privileges.Lsr | Privileges.View, "/Partner/Submit /Partner/Submit/Lsr /Partner/Inbox /Partner/Orders /Docs")]
    [InlineData("a11y-desk@integra.example", PortalRoles.Desk, null, Privileges.None, "/Staff/Reviews /Staff/Orders /Staff/Sla /Staff /Staff/Audit")]
    [InlineData("a11y-boss@integra.example", PortalRoles.Admin, null, Privileges.None, "/Staff/Sla /Staff/Admin/Partners /Staff/Admin/Staff")]
    public async Task Every_page_a_role_reaches_has_no_serious_accessibility_violations(string email, string role, string? partner, Privileges privileges, string mustReach)
    {
        await browser.Portal.AddUserAsync(email, role, partner, Password, privileges);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in");
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync(email);

        var visited = new List<string>();
        var problems = await CrawlAsync(page, [new Uri(page.Url).PathAndQuery], visited);
        if (privileges.HasFlag(Privileges.Lsr))
        {
            // An empty LSR is refused on the page (issue 26 item 4), with its errors beside the fields.
            await page.GotoAsync("/Partner/Submit/Lsr");
            await page.ClickAsync("#submit");
            await Assertions.Expect(page.Locator(".field-error").First).ToBeVisibleAsync();
            problems.AddRange(await CheckAsync(page, "/Partner/Submit/Lsr (empty)"));
        }

        // The crawl must have found the role's own pages, or an empty crawl would pass.
        Assert.Empty(mustReach.Split(' ').Except(visited, StringComparer.OrdinalIgnoreCase));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// Visits the start pages and every same-site page linked from them, breadth first; one page per path (an order's
    /// detail stands for all of them), never the sign-out, never a download.
    /// </summary>
    private static async Task<List<string>> CrawlAsync(IPage page, IReadOnlyList<string> start, List<string> visited)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(start);
        while (queue.Count > 0 && visited.Count < MaxPagesPerRole)
        {
            var target = queue.Dequeue();
            var path = target.Split('?')[0];
            if (!seen.Add(path) || path.Contains("SignOut", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // A download (CSV, PDF, a response file) is no page: ask first what it is, with the same cookies.
            var head = await page.Context.APIRequest.GetAsync(target);
            if (!head.Ok || !(head.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }

            await page.GotoAsync(target);
            visited.Add(path);
            problems.AddRange(await CheckAsync(page, target));
            var links = await page.EvalOnSelectorAllAsync<string[]>("a[href]", "as => as.map(a => a.href)");
            foreach (var link in links)
            {
                var uri = new Uri(link);
                if (uri.Authority == new Uri(page.Url).Authority && uri.Scheme is "http" or "https")
                {
                    queue.Enqueue(uri.PathAndQuery);
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// axe's serious and critical violations, plus one rule axe does not have: every field error is named by some
    /// control's aria-describedby, so a screen reader reads it with its field.
    /// </summary>
    private static async Task<IEnumerable<string>> CheckAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        var untied = await page.EvalOnSelectorAllAsync<string[]>(
            ".field-error",
            "es => es.filter(e => !e.id || !document.querySelector(`[aria-describedby~=\"${e.id}\"]`)).map(e => e.outerHTML)");
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(" | ", v.Nodes.Select(n => n.Target + " " + n.Html))}")
            .Concat(untied.Select(e => $"{name}: a field error no control's aria-describedby names: {e}"));
    }
}
