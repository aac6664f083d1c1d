using System.Net;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Tests.Servers;
using Npgsql;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Issue 25 items 3 and 5 on the portal's own path: every request reads its session, its user and the partner's
/// access switch from the store (<see cref="Security.StoreTicketStore"/>, <see cref="Security.SessionCheck"/>), and
/// signing in writes the session and the audit trail. When PostgreSQL restarts, or ends the pooled connections under
/// the portal, the next request is retried on a fresh connection: the signed-in user keeps the session, a new sign-in
/// works, and nobody gets an error page or is sent back to sign in.
/// </summary>
[Collection(Postgres.Name)]
public sealed class SessionOutagePostgresTests(PostgresFixture pg)
{
    private const string Password = "correct horse battery";

    [SkippableFact]
    public async Task Sign_in_and_the_session_check_work_again_after_a_PostgreSQL_restart()
    {
        await using var portal = await PortalHarness.StartAsync(pg.NewDatabase());
        var before = await SignedInAsync(portal, "before@acme.example");

        pg.Restart();

        // The server answers again when Restart returns: the signed-in user's next page is the page, at once.
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/Partner/Orders")).StatusCode);
        var after = await SignedInAsync(portal, "after@acme.example");
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/Partner/Orders")).StatusCode);
    }

    [SkippableFact]
    public async Task Pooled_connections_the_server_ended_are_replaced_without_an_error_page()
    {
        var database = pg.NewDatabase();
        await using var portal = await PortalHarness.StartAsync(database);
        var signedIn = await SignedInAsync(portal, "pooled@acme.example");

        // What a fail-over or an administrator's pg_terminate_backend does: the portal's idle pooled connections are
        // closed by the server (57P01) while the portal's pool still holds them.
        Assert.True(await TerminateOtherSessionsAsync(database) > 0, "the portal keeps pooled connections to end");

        var page = await signedIn.GetAsync("/Partner/Orders");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("pooled@acme.example", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Signing in reads the user and the partner's switch and writes the audit entry and the session.
        await TerminateOtherSessionsAsync(database);
        await SignedInAsync(portal, "again@acme.example");
    }

    /// <summary>A new partner user of ACME (VIEW), signed in on a client of its own; its first page read once.</summary>
    private static async Task<HttpClient> SignedInAsync(PortalHarness portal, string email)
    {
        await portal.AddUserAsync(email, PortalRoles.PartnerUser, "ACME", Password, Privileges.View);
        var client = portal.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHarness.SignInAsync(client, email, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Partner/Orders")).StatusCode);
        return client;
    }

    /// <summary>Ends every other session on the database, on a connection outside every pool; how many it ended.</summary>
    private static async Task<int> TerminateOtherSessionsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) ended",
            connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
