using Dapper;
using Integra.Gateway.Tests.Servers;
using NodaTime;
using NodaTime.Testing;
using Npgsql;

namespace Integra.Gateway.Tests.Webhooks;

[Collection(Postgres.Name)]
public sealed class WebhookEventTestsOnPostgres(PostgresFixture pg) : WebhookEventTests
{
    private protected override CliHarness NewCli() => new(pg.NewDatabase());
}

/// <summary>
/// PostgreSQL hands out ids at insert, not at commit: the feed must not step over a row whose transaction commits
/// after one with a higher id (<c>WebhookFeedStore</c> reads by writer transaction, older than every running one).
/// </summary>
[Collection(Postgres.Name)]
public sealed class WebhookFeedOrderTests(PostgresFixture pg)
{
    [SkippableFact]
    public async Task A_row_committed_after_a_higher_id_is_still_delivered_and_nothing_twice()
    {
        using var cli = new CliHarness(pg.NewDatabase());
        await using var receiver = await WebhookReceiver.StartAsync();
        using var hooks = new WebhookHarness(cli.Db, new FakeClock(Instant.FromUtc(2026, 3, 2, 19, 30)));
        await hooks.Endpoints.AddAsync("BRIDGE", receiver.Url, "whsec_order-test-secret-0123456789abcdef", "admin@bridge.example", hooks.Clock.GetCurrentInstant(), CancellationToken.None);
        Assert.Equal(0, await cli.Process("BRIDGE", "2026-03-02T12:30:00-07:00", Path.Combine(Repo.SampleDrop("BRIDGE"), "bridge-0302.lsr.csv")));
        await hooks.RoundAsync();
        Assert.Equal(2, receiver.Received.Count);

        await using var slow = new NpgsqlConnection(cli.Db);
        await using var quick = new NpgsqlConnection(cli.Db);
        await slow.OpenAsync();
        await quick.OpenAsync();
        var order = await quick.ExecuteScalarAsync<long>("SELECT id FROM orders WHERE pon = 'BR-2001'");
        const string History = "INSERT INTO order_events (order_id, at, state, cause, detail) VALUES (@order, '2026-03-13T13:00:00Z', @state, 'test', '') RETURNING id";

        // The slow writer takes the lower id and is still open when the quick one commits a higher id.
        await using var slowWork = await slow.BeginTransactionAsync();
        var low = await slow.ExecuteScalarAsync<long>(History, new { order, state = "Expired" }, slowWork);
        await using (var quickWork = await quick.BeginTransactionAsync())
        {
            var high = await quick.ExecuteScalarAsync<long>(History, new { order, state = "Complete" }, quickWork);
            Assert.True(high > low);
            await quickWork.CommitAsync();
        }

        await hooks.RoundAsync();
        await slowWork.CommitAsync();
        await hooks.RoundAsync();
        await hooks.RoundAsync();

        var later = receiver.Received.Skip(2).ToList();
        Assert.Equal(["order.completed", "order.expired"], later.Select(d => d.Type).Order());
        Assert.Equal(receiver.Received.Count, receiver.Received.Select(d => d.EventId).Distinct().Count());
    }
}
