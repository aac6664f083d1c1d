using Integra.Gateway.Storage.Ledgers;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Integra.Gateway.Drops;
using Integra.Gateway.Operations;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 29: one trace per request file from its listing to the delivery of its answer, with a span per step, and
/// the trace id in every log line of the file.
/// </summary>
public sealed class TracingTests : IDisposable
{
    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly TempDir _temp = new();

    [Fact]
    public async Task Each_file_of_a_batch_is_one_trace_with_fetch_decide_store_and_deliver_spans()
    {
        // Names no other test uses: the listener hears the whole test process.
        var names = new[] { $"trace-{Guid.NewGuid():N}.lsr.csv", $"trace-{Guid.NewGuid():N}.lsr.csv" };
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == FileTrace.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 17, 0));
        var data = ReferenceDataLoader.Load(Repo.SampleData);
        using var store = TestStores.Open(_temp.File("gateway.db"), clock);
        var folder = new LocalDropFolder(_temp.File("ACME"));
        folder.EnsureFolders();
        var poller = new DropPoller(
            data.Partner("ACME")!, "local", folder, new RequestFileProcessor(data, new PolicyOptions(), new Intake.IntakeLimits(), store),
            store.Intake, clock, Duration.FromSeconds(1), NullLogger.Instance);
        for (var i = 0; i < names.Length; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(folder.Location, "in", names[i]), $"{Header}\nACM,TR-{i},00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1001,97201,503555010{i + 1}\n");
        }

        using (var round = new ActivitySource("test-round").StartActivity("a round the files must not join"))
        {
            Assert.Equal(0, await poller.PollAsync(default));
            clock.AdvanceSeconds(2);
            Assert.Equal(2, await poller.PollAsync(default));
        }

        var roots = stopped.Where(a => a.OperationName == "intake" && names.Contains(a.GetTagItem("gateway.file") as string)).ToList();
        Assert.Equal(2, roots.Count);
        Assert.Equal(2, roots.Select(r => r.TraceId).Distinct().Count());
        foreach (var root in roots)
        {
            Assert.Equal(default, root.ParentSpanId); // its own trace, not the round's
            Assert.Equal("ACME", root.GetTagItem("gateway.partner"));
            var steps = stopped.Where(a => a.TraceId == root.TraceId && a != root).ToList();
            Assert.All(steps, s => Assert.Equal(root.SpanId, s.ParentSpanId));
            Assert.Equal(["archive", "decide", "deliver", "fetch", "store"], steps.Select(s => s.OperationName).Order());
            var fetch = steps.Single(s => s.OperationName == "fetch");
            var deliver = steps.Single(s => s.OperationName == "deliver");
            Assert.True(fetch.StartTimeUtc <= deliver.StartTimeUtc);
            Assert.True(root.StartTimeUtc <= fetch.StartTimeUtc && deliver.StartTimeUtc + deliver.Duration <= root.StartTimeUtc + root.Duration);
        }
    }

    [Fact]
    public async Task Every_log_line_of_a_file_carries_its_trace_id_in_the_daemons_json_log()
    {
        var folder = _temp.File("d");
        using var daemon = new DaemonProcess(folder, new Dictionary<string, string> { ["INTEGRA_LocalDrop__QuietPeriod"] = "00:00:00" });
        await daemon.Running();
        var inbox = Path.Combine(folder, "drop", "ACME", "in");
        Assert.True(await Eventually.Until(() => Directory.Exists(inbox), Bound), "the daemon made no drop folders"); // it makes them in its first round
        string[] names = ["tr-a.lsr.csv", "tr-b.lsr.csv"];
        for (var i = 0; i < names.Length; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(inbox, names[i] + ".part"), $"{Header}\nACM,TRL-{i},00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1001,97201,503555010{i + 1}\nACM,TRL-{i}X,00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1001,97201,503555010{i + 1}\n");
            File.Move(Path.Combine(inbox, names[i] + ".part"), Path.Combine(inbox, names[i]));
        }

        Assert.True(await Eventually.Until(() => names.All(n => Answered(daemon, n) is not null), Bound), $"not answered: {daemon.Output}");
        var traces = new List<string>();
        foreach (var name in names)
        {
            var answered = Answered(daemon, name)!.RootElement;
            var trace = answered.GetProperty("@tr").GetString()!;
            Assert.Matches("^[0-9a-f]{32}$", trace);
            var file = answered.GetProperty("CorrelationId").GetString()!;

            // The file's two requests were logged in its trace too.
            var lines = Lines(daemon).Where(l => l.RootElement.TryGetProperty("RequestId", out var r) && r.GetString()!.StartsWith(file + "-", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, lines.Count);
            Assert.All(lines, l => Assert.Equal(trace, l.RootElement.GetProperty("@tr").GetString()));
            traces.Add(trace);
        }

        Assert.Equal(2, traces.Distinct().Count());
    }

    [Fact]
    public async Task A_files_trace_is_exported_over_otlp_to_the_configured_endpoint()
    {
        // An OTLP/HTTP receiver of the test's own: it keeps every body posted to it (protobuf, whose strings are plain UTF-8).
        var port = DaemonProcess.FreePort();
        using var receiver = new System.Net.HttpListener();
        receiver.Prefixes.Add($"http://127.0.0.1:{port}/");
        receiver.Start();
        var bodies = new ConcurrentQueue<byte[]>();
        var receiving = Task.Run(async () =>
        {
            while (receiver.IsListening)
            {
                System.Net.HttpListenerContext context;
                try
                {
                    context = await receiver.GetContextAsync();
                }
                catch (Exception e) when (e is System.Net.HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                bodies.Enqueue(body.ToArray());
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        var folder = _temp.File("o");
        using var daemon = new DaemonProcess(folder, new Dictionary<string, string>
        {
            ["INTEGRA_LocalDrop__QuietPeriod"] = "00:00:00",
            ["INTEGRA_Telemetry__OtlpEndpoint"] = $"http://127.0.0.1:{port}/",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });
        await daemon.Running();
        var inbox = Path.Combine(folder, "drop", "ACME", "in");
        Assert.True(await Eventually.Until(() => Directory.Exists(inbox), Bound), "the daemon made no drop folders");
        await File.WriteAllTextAsync(Path.Combine(inbox, "otlp.lsr.part"), $"{Header}\nACM,OT-1,00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1001,97201,5035550101\n");
        File.Move(Path.Combine(inbox, "otlp.lsr.part"), Path.Combine(inbox, "otlp.lsr.csv"));

        static bool Has(byte[] body, string text) => body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;
        Assert.True(
            await Eventually.Until(() => bodies.Any(b => Has(b, "otlp.lsr.csv") && Has(b, "gateway.file") && Has(b, "deliver")), Bound),
            $"no trace of the file reached the OTLP endpoint ({bodies.Count} posts): {daemon.Output}");
        Assert.Contains(bodies, b => Has(b, "otlp.lsr.csv") && Has(b, "integra-gateway")); // the resource's service.name

        receiver.Stop();
        await receiving;
    }

    [Fact]
    public async Task The_scrape_has_runtime_process_and_http_server_metrics_and_the_version()
    {
        var port = DaemonProcess.FreePort();
        using var daemon = new DaemonProcess(_temp.File("m"), new Dictionary<string, string>
        {
            ["INTEGRA_Health__Listen"] = $"http://127.0.0.1:{port}/",
            ["INTEGRA_Telemetry__PrometheusListen"] = $"http://127.0.0.1:{port}/",
        });
        await daemon.Running();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Assert.True(
            await Eventually.Until(
                async () =>
                {
                    try
                    {
                        using var live = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz/live"));
                        return live.IsSuccessStatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                },
                Bound),
            daemon.Output);

        // The probe's request above is an HTTP server request like any of the portal's.
        var metrics = string.Empty;
        Assert.True(
            await Eventually.Until(
                async () => (metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"))).Contains("http_server_request_duration_seconds", StringComparison.Ordinal),
                Bound),
            metrics);
        Assert.Contains("dotnet_gc_", metrics, StringComparison.Ordinal);
        Assert.Contains("dotnet_thread_pool_", metrics, StringComparison.Ordinal);
        Assert.Contains("process_cpu_time", metrics, StringComparison.Ordinal);
        Assert.Contains("process_memory_usage", metrics, StringComparison.Ordinal);
        Assert.Matches("target_info\\{[^}]*service_version=\"[^\"]+\"", metrics);
    }

    public void Dispose() => _temp.Dispose();

    private static List<JsonDocument> Lines(DaemonProcess daemon) =>
        daemon.Output.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l)).ToList();

    private static JsonDocument? Answered(DaemonProcess daemon, string name) =>
        Lines(daemon).FirstOrDefault(l => l.RootElement.TryGetProperty("EventId", out var e) && e.GetProperty("Name").GetString() == "FileAnswered" && l.RootElement.GetProperty("File").GetString() == name);
}
