using Integra.Gateway.Storage.Migrations;
using Integra.Gateway.Storage.Webhooks;
using NodaTime;

namespace Integra.Gateway.Tests.Webhooks;

/// <summary>
/// Issue 28 "done when": a kill -9 of the daemon during deliveries loses no event. Real <c>run</c> processes on one
/// store: the first is killed while a POST is in flight; the second delivers the rest, and the one in flight again,
/// with the same id and body (at least once, never a different event).
/// </summary>
public sealed class WebhookCrashTests : IDisposable
{
    private const string Secret = "whsec_crash-test-secret-0123456789abcdef";
    private readonly TempDir _temp = new();

    [Fact]
    public async Task A_kill_9_during_deliveries_loses_no_event_and_changes_none()
    {
        var folder = _temp.File("d");
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "gateway.db");
        SchemaMigrator.Migrate(database);
        await using var receiver = await WebhookReceiver.StartAsync();
        await new WebhookStore(TestStores.Factory(database, SystemClock.Instance)).AddAsync("ACME", receiver.Url, Secret, "admin@acme.example", SystemClock.Instance.GetCurrentInstant(), CancellationToken.None);

        // The fourth POST is held open until the daemon that sent it is dead.
        var posts = 0;
        string? inFlight = null;
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        receiver.Answer = async (id, _) =>
        {
            if (Interlocked.Increment(ref posts) == 4)
            {
                inFlight = id;
                holding.SetResult();
                await release.Task;
            }

            return 200;
        };
        var environment = new Dictionary<string, string> { ["INTEGRA_Webhooks__PollInterval"] = "00:00:00.200", ["INTEGRA_Webhooks__AllowLoopback"] = "true" };

        using (var first = new DaemonProcess(folder, environment))
        {
            await first.Running();
            var request = _temp.File("bulk.lsr.csv");
            LsrFileGenerator.Write(request, rows: 12, tnsPerRequest: 1);
            File.Move(request, Path.Combine(folder, "drop", "ACME", "in", "bulk.lsr.csv"));
            Assert.True(await Eventually.Until(() => holding.Task.IsCompleted, DaemonProcess.Patience), $"no fourth POST: {first.Output} {first.Error}");
            await first.Signal("KILL");
            Assert.NotEqual(0, await first.Exited());
        }

        release.SetResult();
        using (var second = new DaemonProcess(folder, environment))
        {
            await second.Running();
            Assert.True(
                await Eventually.Until(() => receiver.Received.Select(d => d.EventId).Distinct().Count() == 12 && receiver.Received.Count(d => d.EventId == inFlight) >= 2, DaemonProcess.Patience),
                $"{receiver.Received.Count} POSTs: {second.Output} {second.Error}");
        }

        // Twelve answers, each at least once, each id always with the same, signed body; the one in flight came again.
        var byEvent = receiver.Received.GroupBy(d => d.EventId).ToList();
        Assert.Equal(12, byEvent.Count);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"BULK-{i}").Order(), byEvent.Select(g => g.First().Pon!).Order());
        Assert.All(byEvent, g => Assert.All(g, d => Assert.Equal(g.First().Body, d.Body)));
        Assert.All(receiver.Received, d => Assert.True(d.SignedWith(Secret)));
        Assert.True(byEvent.Single(g => g.Key == inFlight).Count() >= 2);
    }

    public void Dispose() => _temp.Dispose();
}
