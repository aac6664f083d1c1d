using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Integra.Gateway.Operations;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Webhooks;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage.Sessions;
using Integra.Gateway.Tests;
using Integra.Gateway.Tests.Servers;
using Integra.Gateway.Tests.Webhooks;
using Integra.Gateway.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Integra.Gateway.Portal.Tests;

/// <summary>
/// Issue 25 item 5 for the partner API and webhooks: a real PostgreSQL restarted (immediate mode, every connection
/// dropped) under the API and a running webhook worker. The API's key look-up, feed and the webhook worker's rounds
/// take their connection per unit of work and retry a transient failure on a fresh one, so the API answers again and
/// the worker delivers again within seconds of the server's return, in the same process, with no restart of either.
/// </summary>
[Collection(Postgres.Name)]
public sealed class ApiPostgresRestartTests(PostgresFixture pg)
{
    private const string Secret = "whsec_restart-test-secret-0123456789abcdef";

    /// <summary>How soon after the server is back the API and the worker must work again (issue 25: within 10 s).</summary>
    private static readonly TimeSpan BackAgain = TimeSpan.FromSeconds(10);

    [SkippableFact]
    public async Task After_a_postgres_restart_the_api_answers_again_and_the_webhook_worker_resumes_delivering()
    {
        var database = pg.NewDatabase();
        await using var portal = await PortalHarness.StartAsync(database, new FakeTimeProvider(PortalHarness.SampleMonday), configure: s => s.ApiPermits = 1_000_000);
        await using var receiver = await WebhookReceiver.StartAsync();
        var hooks = portal.Gateway.Services.GetRequiredService<IWebhookStore>();
        var now = Instant.FromDateTimeOffset(portal.Time.GetUtcNow());
        await hooks.AddAsync("BRIDGE", receiver.Url, Secret, "admin@bridge.example", now, CancellationToken.None);
        await hooks.AddAsync("ACME", receiver.Url, Secret, "admin@acme.example", now, CancellationToken.None);
        var token = await portal.ApiKeyAsync("ACME", Privileges.View | Privileges.Lsr);
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };

        using var worker = Worker(portal);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            // Before: the API answers and the worker delivers BRIDGE's answers.
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, token));
            await portal.ReceiveAsync("BRIDGE", "bridge-0302.lsr.csv", Channel.Sftp);
            Assert.True(await Eventually.Until(() => receiver.Received.Any(d => d.Pon == "BR-2001"), TimeSpan.FromSeconds(30)), "no BRIDGE event before the restart");

            // API calls keep coming while the server restarts: some may fail while it is down, none may hang.
            using var calling = new CancellationTokenSource();
            var during = Task.Run(async () =>
            {
                var statuses = new List<HttpStatusCode>();
                while (!calling.IsCancellationRequested)
                {
                    statuses.Add(await StatusAsync(http, token));
                }

                return statuses;
            });
            pg.Restart();
            var back = Stopwatch.StartNew();

            Assert.True(await Eventually.Until(async () => await StatusAsync(http, token) == HttpStatusCode.OK, BackAgain), $"the API did not answer within {BackAgain} of the server's return");
            await calling.CancelAsync();
            var statuses = await during;
            Assert.Contains(HttpStatusCode.OK, statuses);
            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.InternalServerError, $"{s}"));

            // After: an answer decided now is delivered by the same worker, without a restart of it.
            await portal.ReceiveAsync("ACME", "acme-20260302.lsr.csv", Channel.Sftp);
            Assert.True(
                await Eventually.Until(() => receiver.Received.Any(d => d.Pon is { } pon && pon.StartsWith("ACME-", StringComparison.Ordinal) && d.Answered == 200), BackAgain - back.Elapsed + TimeSpan.FromSeconds(5)),
                "the webhook worker did not deliver ACME's answer after the restart");
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, token));
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        // Every event went out once at least, and none was changed: one body per event id.
        Assert.All(receiver.Received.GroupBy(d => d.EventId), g => Assert.Single(g.Select(d => Convert.ToBase64String(d.Body)).Distinct()));
    }

    /// <summary>The daemon's webhook worker over the portal's gateway container, polling every 200 ms, loopback allowed.</summary>
    private static WebhookWorker Worker(PortalHarness portal)
    {
        var services = portal.Gateway.Services;
        var settings = new WebhookSettings { PollInterval = TimeSpan.FromMilliseconds(200), AllowLoopback = true };
        var stores = services.GetRequiredService<UnitOfWorkFactory>();
        var clock = services.GetRequiredService<IClock>();
        var options = Options.Create(settings);
        var sender = new WebhookSender(stores, Gateway.Webhooks.WebhookRegistration.Client(settings), clock, options, services.GetRequiredService<GatewayMetrics>(), NullLogger<WebhookSender>.Instance);
        return new WebhookWorker(new WebhookFeed(stores, clock), sender, options, NullLogger<WebhookWorker>.Instance);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/answers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
