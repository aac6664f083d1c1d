using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Tests.Servers;
using Microsoft.Extensions.Time.Testing;
using Integra.Gateway.Storage.Orders;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Portal submissions on PostgreSQL, where writers are not serialised as on SQLite: the same form posted at once to two
/// portal instances on one database (behind a load balancer) is still one request with one answer.
/// </summary>
[Collection(Postgres.Name)]
public sealed class SubmitPostgresTests(PostgresFixture pg)
{
    [SkippableFact]
    public async Task The_same_form_posted_to_two_instances_at_once_is_one_request_with_one_answer()
    {
        var database = pg.NewDatabase();
        var time = new FakeTimeProvider(SubmitTests.Monday);
        await using var a = await PortalHarness.StartAsync(database, time);
        await using var b = await PortalHarness.StartAsync(database, time);
        var cookies = new System.Net.CookieContainer();
        using var one = await a.PartnerClientAsync("lsr@acme.example", "ACME", Privileges.Lsr, cookies);
        var form = await PortalHarness.FormAsync(one, "/Partner/Submit/Lsr");

        // The same session on the other instance (cookies are per host, not port): shared key ring and tickets.
        using var two = b.Client(cookies);
        var posts = await Task.WhenAll(
            PortalHarness.PostAsync(one, "/Partner/Submit/Lsr", form, SubmitTests.Lsr("PG-1")),
            PortalHarness.PostAsync(two, "/Partner/Submit/Lsr", form, SubmitTests.Lsr("PG-1")));

        var pages = await Task.WhenAll(posts.Select(p => p.Content.ReadAsStringAsync()));
        Assert.All(pages, p => Assert.Contains("<td>FOC</td><td>PG-1</td>", p, StringComparison.Ordinal));
        Assert.Single(pages, p => p.Contains("id=\"repeated\"", StringComparison.Ordinal));
        Assert.Single(a.Intake.Inbox("ACME", 10));
        using var store = a.OpenOrders();
        Assert.Single(store.Orders.FindOrdersByPon("ACME", OrderKind.Lsr, "PG-1"));
    }
}
