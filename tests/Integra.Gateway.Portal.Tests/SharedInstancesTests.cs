using System.Net;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Tests.Servers;
using Microsoft.Extensions.Time.Testing;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Two portal instances on one PostgreSQL database, as behind a load balancer: the data-protection keys and the
/// sign-in sessions are the database's, so either instance reads the other's cookies and forms, and a sign-out or a
/// disabled user on one is refused on the other at once.
/// </summary>
[Collection(Postgres.Name)]
public sealed class SharedInstancesTests(PostgresFixture pg)
{
    private const string Password = "correct horse battery";

    [SkippableFact]
    public async Task Keys_and_sessions_are_shared_through_PostgreSQL()
    {
        var database = pg.NewDatabase();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var a = await PortalHarness.StartAsync(database, time);
        await using var b = await PortalHarness.StartAsync(database, time);
        await a.AddUserAsync("admin@acme.example", PortalRoles.PartnerAdmin, "ACME", Password);
        var user = await a.AddUserAsync("user@acme.example", PortalRoles.PartnerUser, "ACME", Password, Privileges.View);
        var cookies = new CookieContainer(); // cookies do not name a port: both instances get them, as behind one address
        using var onA = a.Client(cookies);
        using var onB = b.Client(cookies);

        Assert.Equal(HttpStatusCode.Redirect, (await PortalHarness.SignInAsync(onA, "admin@acme.example", Password)).StatusCode);
        Assert.Contains("user@acme.example", await onB.GetStringAsync("/Partner/Users"), StringComparison.Ordinal);

        // A form from instance A posted to instance B: B reads A's anti-forgery token with the shared key ring.
        var disable = await PortalHarness.PostFormAsync(onA, $"/Partner/Users/Edit?id={user.Id}", new Dictionary<string, string> { ["disabled"] = "true" }, $"/Partner/Users/Edit?id={user.Id}&handler=Disable");
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        var signOutOnB = await PortalHarness.PostFormAsync(onB, "/Account/SignOut", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOutOnB.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await onA.GetAsync("/Partner/Users")).StatusCode);
        Assert.Single(a.Store.DataProtectionKeys());
    }
}
