using System.Net;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage.Outbox;
using Integra.Gateway.Tests.Servers;
using Microsoft.Extensions.Time.Testing;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Two portal instances on one PostgreSQL database (behind a load balancer), two desk users approving the same
/// expedite at once: PostgreSQL does not serialise writers as SQLite does, so the review's lock is what keeps it to
/// one FOC and one 409.
/// </summary>
[Collection(Postgres.Name)]
public sealed class DeskReviewPostgresTests(PostgresFixture pg)
{
    private const string Password = "correct horse battery";

    [SkippableFact]
    public async Task Two_instances_approving_one_review_at_once_record_one_FOC()
    {
        var database = pg.NewDatabase();
        var time = new FakeTimeProvider(PortalHarness.SampleMonday);
        await using var a = await PortalHarness.StartAsync(database, time);
        await using var b = await PortalHarness.StartAsync(database, time);
        await a.ReceiveAsync("BRIDGE", "bridge-0302.lsr.csv", Channel.Sftp);
        await a.AddUserAsync("one@integra.example", PortalRoles.Desk, null, Password);
        await a.AddUserAsync("two@integra.example", PortalRoles.Desk, null, Password);
        using var one = a.Client();
        using var two = b.Client();
        await PortalHarness.SignInAsync(one, "one@integra.example", Password);
        await PortalHarness.SignInAsync(two, "two@integra.example", Password);

        for (var round = 0; round < 3; round++)
        {
            var answers = await Task.WhenAll(Approve(one), Approve(two));
            Assert.Equal(round == 0 ? [HttpStatusCode.Redirect, HttpStatusCode.Conflict] : [HttpStatusCode.Conflict, HttpStatusCode.Conflict], answers.Select(r => r.StatusCode).Order());
        }

        Assert.Single(await a.OutboxAsync(Channel.Sftp), f => f.FileName == "review-BR-2001-00.resp.csv");
        Assert.Equal(OrderState.Foc, a.Order("BRIDGE", "BR-2001").State);
    }

    private static Task<HttpResponseMessage> Approve(HttpClient client) =>
        PortalHarness.PostFormAsync(client, "/Staff/Reviews", new Dictionary<string, string> { ["partner"] = "BRIDGE", ["pon"] = "BR-2001", ["dd"] = string.Empty }, "/Staff/Reviews?handler=Approve");
}
