using Integra.Gateway.Storage.Orders;
using System.Text.Json;
using NodaTime;
using NodaTime.Testing;

namespace Integra.Gateway.Tests.Webhooks;

/// <summary>
/// Issue 28 item 3, SPEC §8: every answer and later event of a partner's order reaches its registered endpoint once,
/// signed as the contract says, with the rows the partner's channel got. The order is BRIDGE's BR-2001 of the
/// samples: PND X01 (expedite), approved by the desk's review (FOC), supplemented (SUP 2, same date: S4 keeps the
/// FOC), and expired by the sweep (CAN E01).
/// </summary>
public class WebhookEventTests
{
    private const string Secret = "whsec_test-secret-of-bridge-0123456789";

    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN,SUP,EXP,MI,REMARKS,D/TSENT,AUTHNM,DATED";

    /// <summary>A harness on a new, empty order store (SQLite here; PostgreSQL in the subclass).</summary>
    private protected virtual CliHarness NewCli() => new();

    [SkippableFact]
    public async Task Every_event_of_a_reviewed_supplemented_and_expired_order_arrives_once_exactly_as_signed()
    {
        using var cli = NewCli();
        await using var receiver = await WebhookReceiver.StartAsync();
        using var hooks = new WebhookHarness(cli.Db, new FakeClock(Instant.FromUtc(2026, 3, 2, 19, 30)));
        await hooks.Endpoints.AddAsync("BRIDGE", receiver.Url, Secret, "admin@bridge.example", hooks.Clock.GetCurrentInstant(), CancellationToken.None);

        Assert.Equal(0, await cli.Process("BRIDGE", "2026-03-02T12:30:00-07:00", Path.Combine(Repo.SampleDrop("BRIDGE"), "bridge-0302.lsr.csv")));
        await hooks.RoundAsync();
        Assert.Equal(0, await cli.Review("BRIDGE", "BR-2001", "2026-03-02T14:00:00-07:00", "--approve", "--dd", "2026-03-06"));
        await hooks.RoundAsync();
        var sup = cli.Write("sup.lsr.csv", $"{Header}\nBRG,BR-2001,01,BRGC,6101,D,CB,V,2026-03-03,6025550900,Y,A1003,85004,6025550101,2,,,DISC 602-555-0102,2026-03-02T08:00:00-07:00,Lee Park,2026-03-01\n");
        Assert.Equal(0, await cli.Process("BRIDGE", "2026-03-03T10:00:00-07:00", sup));
        await hooks.RoundAsync();
        Assert.Equal(0, await cli.Sweep("2026-03-13T06:00:00-07:00"));
        await hooks.RoundAsync();
        await hooks.RoundAsync();

        var received = receiver.Received;
        var order = received.Where(d => d.Pon == "BR-2001").ToList();
        foreach (var d in order)
        {
            Console.WriteLine($"{d.EventId} {d.Type} {System.Text.Encoding.UTF8.GetString(d.Body)}");
        }

        Assert.All(received, d => Assert.True(d.SignedWith(Secret), $"{d.EventId}: {d.Signature} does not verify"));
        Assert.All(received, d => Assert.Equal("application/json; charset=utf-8", d.ContentType));
        Assert.Equal(received.Count, received.Select(d => d.EventId).Distinct().Count());
        Assert.All(received, d => Assert.Equal(d.EventId, d.Json.GetProperty("id").GetString()));
        Assert.All(received, d => Assert.Equal("BRIDGE", d.Json.GetProperty("partner").GetString()));

        // What the partner's channel got, row by row, is what the events carry, in the order it happened.
        Assert.Equal(
            [
                ("answer", Rows(cli.Rows("BRIDGE", "bridge-0302.lsr.resp.csv"))),
                ("answer", Rows(cli.Rows("BRIDGE", "review-BR-2001-00.resp.csv"))),
                ("answer", Rows(cli.Rows("BRIDGE", "sup.lsr.resp.csv"))),
                ("answer", Rows(cli.AllRows("BRIDGE", "sweep-"))),
                ("order.expired", string.Empty),
            ],
            order.Select(d => (d.Type, Rows(d.Json.GetProperty("rows")))));
        Assert.Equal(["PND", "FOC", "FOC", "CAN"], order.Take(4).Select(d => d.Json.GetProperty("rows")[0].GetProperty("resptyp").GetString()));
        Assert.Equal("EXPIRED", order[^1].Json.GetProperty("order").GetProperty("state").GetString());
        Assert.All(order, d => Assert.Equal("BRG", d.Json.GetProperty("order").GetProperty("ccna").GetString()));

        // BR-2002 of the same file is its own event.
        Assert.Single(received, d => d.Pon == "BR-2002");
    }

    [SkippableFact]
    public async Task An_activation_and_an_evidence_request_are_events_of_their_own()
    {
        using var cli = await LifecycleTests.FocOnMonday(NewCli());
        await using var receiver = await WebhookReceiver.StartAsync();
        using var hooks = new WebhookHarness(cli.Db, new FakeClock(Instant.FromUtc(2026, 3, 2, 19, 30)));
        await hooks.Feed.PassAsync(CancellationToken.None);
        await hooks.Endpoints.AddAsync("ACME", receiver.Url, Secret, "admin@acme.example", hooks.Clock.GetCurrentInstant(), CancellationToken.None);
        await hooks.RoundAsync();
        Assert.Empty(receiver.Received); // the FOCs were fed before the endpoint was registered: not sent to it

        Assert.Equal(0, await cli.NpacImport(cli.Write("act.csv", "TN,SPID,ACTIVATED\n5035550101,6001,2026-03-02T15:00:00Z\n")));
        long order;
        using (var store = TestStores.Open(cli.Db, hooks.Clock))
        {
            order = (await store.Orders.FindOrderAsync("ACME", Storage.OrderKind.Lsr, "ACM", "EXP-2", CancellationToken.None))!.Id;
        }

        await new Storage.Evidence.PortalEvidence(TestStores.Factory(cli.Db, hooks.Clock), folder: null).AddAsync(new Portal.Disputes.NewEvidenceRequest(
            order, "ACME", "LSR", "EXP-2", "The end user says they did not ask for the port.", ["6125550101"], new LocalDate(2026, 3, 5), Instant.FromUtc(2026, 3, 6, 6, 59), "desk@integra.example", hooks.Clock.GetCurrentInstant()), CancellationToken.None);
        await hooks.RoundAsync();

        var completed = Assert.Single(receiver.Received, d => d.Type == "order.completed");
        Assert.Equal(("EXP-1", "COMPLETE"), (completed.Pon, completed.Json.GetProperty("order").GetProperty("state").GetString()));
        var evidence = Assert.Single(receiver.Received, d => d.Type == "evidence.requested");
        Assert.Equal("EXP-2", evidence.Pon);
        Assert.Equal(["6125550101"], evidence.Json.GetProperty("evidence").GetProperty("tns").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("2026-03-05", evidence.Json.GetProperty("evidence").GetProperty("dueDate").GetString());
        Assert.Equal(2, receiver.Received.Count);
        Assert.All(receiver.Received, d => Assert.True(d.SignedWith(Secret)));
    }

    /// <summary>The BR-2001 rows of a response file, or of an event, as one comparable text.</summary>
    private static string Rows(IEnumerable<Dictionary<string, string>> rows) =>
        string.Join('\n', rows.Where(r => r["PON"] == "BR-2001").Select(r => string.Join(',', r.Select(c => $"{c.Key.ToLowerInvariant()}={c.Value}"))));

    private static string Rows(JsonElement rows) =>
        string.Join('\n', rows.EnumerateArray().Select(r => string.Join(',', r.EnumerateObject().Select(c => $"{c.Name}={c.Value.GetString()}"))));
}
