using Integra.Gateway.Operations;
using Integra.Gateway.Storage.Webhooks;
using Integra.Gateway.Webhooks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NodaTime;
using NodaTime.Testing;

namespace Integra.Gateway.Tests.Webhooks;

/// <summary>
/// Delivery with back-off (SPEC §8): a failed POST is tried again after the wait of <see cref="WebhookBackoff"/>, with
/// the same event id and body, until a 2xx; after the 24-hour window the delivery is flagged (state, metric, log
/// event with the event id). The fake clock drives the waits.
/// </summary>
public sealed class WebhookRetryTests
{
    private const string Secret = "whsec_retry-test-secret-0123456789abcdef";

    [Fact]
    public async Task A_receiver_answering_500_three_times_then_200_gets_each_event_once_more_with_the_same_id()
    {
        using var cli = new CliHarness();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, n) => Task.FromResult(n <= 3 ? 500 : 200);
        using var hooks = new WebhookHarness(cli.Db, new FakeClock(Instant.FromUtc(2026, 3, 2, 19, 30)));
        await hooks.Endpoints.AddAsync("BRIDGE", receiver.Url, Secret, "admin@bridge.example", hooks.Clock.GetCurrentInstant(), CancellationToken.None);
        Assert.Equal(0, await cli.Process("BRIDGE", "2026-03-02T12:30:00-07:00", Path.Combine(Repo.SampleDrop("BRIDGE"), "bridge-0302.lsr.csv")));

        Assert.Equal(2, await hooks.RoundAsync());

        // Each wait is the schedule's (30 s, 60 s, 120 s) stretched by at most 20 %: not due a second before it, due after it.
        foreach (var wait in new[] { 30, 60, 120 })
        {
            hooks.Clock.AdvanceSeconds(wait - 1);
            Assert.Equal(0, await hooks.RoundAsync());
            hooks.Clock.AdvanceSeconds((long)Math.Ceiling(wait * (1 + WebhookBackoff.Jitter)) - (wait - 1));
            Assert.Equal(2, await hooks.RoundAsync());
        }

        hooks.Clock.AdvanceHours(25);
        Assert.Equal(0, await hooks.RoundAsync());

        var byEvent = receiver.Received.GroupBy(d => d.EventId).ToList();
        Assert.Equal(2, byEvent.Count);
        foreach (var posts in byEvent)
        {
            Assert.Equal([500, 500, 500, 200], posts.Select(p => p.Answered));
            Assert.All(posts, p => Assert.Equal(posts.First().Body, p.Body));
            Assert.All(posts, p => Assert.True(p.SignedWith(Secret)));
        }

        // The partner's page shows every attempt with its response code.
        Assert.All((await hooks.Endpoints.DeliveriesAsync("BRIDGE", 10, CancellationToken.None)), d =>
        {
            Assert.Equal("Delivered", d.State);
            Assert.Equal([500, 500, 500, 200], d.Attempts.Select(a => a.StatusCode));
        });
        Assert.Equal(2, hooks.DeliveriesByState()[WebhookDeliveryState.Delivered]);
    }

    [Fact]
    public async Task A_delivery_failing_for_24_hours_is_flagged_with_a_metric_and_a_log_event_and_can_be_redelivered()
    {
        using var cli = new CliHarness();
        await using var receiver = await WebhookReceiver.StartAsync();
        var down = true;
        receiver.Answer = (_, _) => Task.FromResult(down ? 503 : 204);
        var start = Instant.FromUtc(2026, 3, 2, 19, 30);
        using var hooks = new WebhookHarness(cli.Db, new FakeClock(start));
        using var counted = new MetricCollector<long>(hooks.Meters, GatewayMetrics.MeterName, "gateway.webhooks");
        await hooks.Endpoints.AddAsync("BRIDGE", receiver.Url, Secret, "admin@bridge.example", start, CancellationToken.None);
        var sample = cli.Write("one.lsr.csv", "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN\nBRG,BR-9,00,BRGC,6101,D,CB,V,2026-05-30,6025550900,Y,A1006,84101,8015550101\n");
        Assert.Equal(0, await cli.Process("BRIDGE", "2026-03-02T12:30:00-07:00", sample));

        // Each round at the delivery's next time, as the worker's would be.
        await hooks.RoundAsync();
        while ((await hooks.Endpoints.DeliveriesAsync("BRIDGE", 1, CancellationToken.None))[0] is { State: "Pending", NextAt: { } next })
        {
            hooks.Clock.Reset(next);
            Assert.Equal(1, await hooks.RoundAsync());
        }

        var delivery = Assert.Single((await hooks.Endpoints.DeliveriesAsync("BRIDGE", 10, CancellationToken.None)));
        Assert.Equal("Flagged", delivery.State);
        Assert.InRange(delivery.Attempts.Count, 27, 31); // 30 s doubling to hourly, each wait up to 20 % longer
        Assert.All(delivery.Attempts, a => Assert.Equal(503, a.StatusCode));
        Assert.True(delivery.Attempts[^1].At <= start + Duration.FromHours(24));
        Assert.Equal(delivery.Attempts.Count, receiver.Received.Count);

        var measured = counted.GetMeasurementSnapshot();
        Assert.Equal(1, measured.Count(m => (string?)m.Tags["result"] == "flagged"));
        Assert.Equal(delivery.Attempts.Count - 1, measured.Count(m => (string?)m.Tags["result"] == "failed"));
        var flagged = Assert.Single(hooks.Log.Entries, e => e.Id.Name == "WebhookFlagged");
        Assert.Equal(700, flagged.Id.Id);
        Assert.Equal(delivery.EventId, flagged.Fields["EventKey"]);

        // Nothing goes out by itself any more; the partner's redelivery does, with the same id and body.
        hooks.Clock.AdvanceHours(48);
        Assert.Equal(0, await hooks.RoundAsync());
        down = false;
        Assert.True(await hooks.Endpoints.RedeliverAsync("BRIDGE", delivery.Id, hooks.Clock.GetCurrentInstant(), CancellationToken.None));
        Assert.False(await hooks.Endpoints.RedeliverAsync("ACME", delivery.Id, hooks.Clock.GetCurrentInstant(), CancellationToken.None));
        Assert.Equal(1, await hooks.RoundAsync());
        Assert.Equal(204, receiver.Received[^1].Answered);
        Assert.Equal(receiver.Received[0].Body, receiver.Received[^1].Body);
        Assert.Equal("Delivered", (await hooks.Endpoints.DeliveriesAsync("BRIDGE", 1, CancellationToken.None))[0].State);
    }
}
