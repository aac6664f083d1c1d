using System.Collections.Concurrent;
using System.Diagnostics;
using Integra.Gateway.Mail;
using Integra.Gateway.Operations;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.Resilience;
using Integra.Gateway.Tests.Servers;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using NodaTime;

namespace Integra.Gateway.Tests.Mail;

/// <summary>Issue 29 for the mailbox, on the real Dovecot and SMTP receiver: one trace per request file of a message.</summary>
[Collection(TestServers.Name)]
public sealed class MailTracingTests(TestServersFixture servers) : IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public async Task Each_request_file_of_a_message_is_one_trace_with_decide_store_reply_and_move_spans()
    {
        // Names no other test uses: the listener hears the whole test process.
        var names = new[] { $"mail-{Guid.NewGuid():N}.lsr.csv", $"mail-{Guid.NewGuid():N}.lsr.csv" };
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == FileTrace.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var folder = new TestMailFolder(servers);
        var message = TestMailFolder.Request("TM-1", names[0], "4065550191");
        var body = new BodyBuilder { TextBody = "two files" };
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            body.Attachments.Add(name, System.Text.Encoding.UTF8.GetBytes($"CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN\nBSK,TM-{i},00,BSKY,6201,D,CB,V,2026-03-04,4065550900,Y,A1004,59601,406555019{i + 2}\n"), new ContentType("text", "csv"));
        }

        message.Body = body.ToMessageBody();
        await folder.Deliver(message);

        var data = ReferenceDataLoader.Load(Repo.SampleData);
        var settings = folder.Settings();
        using var store = TestStores.Open(_temp.File("gateway.db"), SystemClock.Instance);
        using (var intake = new MailIntake(
            settings, data, new RequestFileProcessor(data, new PolicyOptions(), new Intake.IntakeLimits(), store), store.Mail, new ReplySender(settings),
            SystemClock.Instance, NullLogger.Instance, new StoreAvailability(new StoreDatabase(_temp.File("gateway.db")), NullLogger<StoreAvailability>.Instance)))
        using (new ActivitySource("test-round").StartActivity("a round the files must not join"))
        {
            await intake.ProcessInboxAsync(default);
        }

        Assert.Single(servers.RepliesTo(message));
        var roots = stopped.Where(a => a.OperationName == "intake" && names.Contains(a.GetTagItem("gateway.file") as string)).ToList();
        Assert.Equal(2, roots.Count);
        Assert.Equal(2, roots.Select(r => r.TraceId).Distinct().Count());
        foreach (var root in roots)
        {
            Assert.Equal(default, root.ParentSpanId); // its own trace, not the round's
            Assert.Equal(("BIGSKY", "email"), (root.GetTagItem("gateway.partner"), root.GetTagItem("gateway.channel")));
            var steps = stopped.Where(a => a.TraceId == root.TraceId && a != root).OrderBy(a => a.StartTimeUtc).ToList();
            Assert.All(steps, s => Assert.Equal(root.SpanId, s.ParentSpanId));
            Assert.Equal(["decide", "store", "reply", "move"], steps.Select(s => s.OperationName));
            Assert.True(root.StartTimeUtc <= steps[0].StartTimeUtc && steps[^1].StartTimeUtc + steps[^1].Duration <= root.StartTimeUtc + root.Duration);
        }
    }

    public void Dispose() => _temp.Dispose();
}
