using System.Net;
using System.Text.Json;
using Integra.Gateway.Configuration;
using Integra.Gateway.Operations;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.Hosting;

/// <summary>Settings of the optional health listener (section "Health").</summary>
public sealed class HealthSettings
{
    /// <summary>HttpListener prefix, e.g. <c>http://127.0.0.1:9180/</c>; empty = no listener.</summary>
    public string? Listen { get; set; }

    /// <summary>A channel is unhealthy when its last successful poll is older than this many poll intervals.</summary>
    public int MaxMissedPolls { get; set; } = 3;
}

/// <summary>
/// A small HTTP listener on loopback: <c>GET /healthz</c> answers 200 with the report when healthy, 503 when not —
/// what systemd watchdogs, load balancers and monitoring probe.
/// </summary>
public sealed class HealthListener(
    IOptions<HealthSettings> settings,
    IOptions<GatewaySettings> gateway,
    IOptions<LocalDropSettings> local,
    IOptions<Drops.Sftp.SftpSettings> sftp,
    IOptions<Mail.MailSettings> mail,
    ReferenceDataSource data,
    IClock clock,
    ILogger<HealthListener> logger) : BackgroundService
{
    /// <summary>The channels this daemon runs, with their staleness bounds.</summary>
    public static IReadOnlyList<HealthReport.Expectation> Expectations(LocalDropSettings local, Drops.Sftp.SftpSettings sftp, ReferenceData data, int missed, Mail.MailSettings? mail = null)
    {
        // A few seconds of slack: a poll that takes a moment is not a missed one.
        HealthReport.Expectation Expect(string partner, string channel, TimeSpan interval) =>
            new(partner, channel, Duration.FromTimeSpan(interval * missed) + Duration.FromSeconds(5));

        var list = new List<HealthReport.Expectation>();
        if (local.Enabled)
        {
            list.AddRange(data.Partners.Select(p => Expect(p.Id, "local", local.PollInterval)));
        }

        if (sftp.Enabled)
        {
            list.AddRange(sftp.Partners.Select(p => Expect(p.Key, "sftp", p.Value.PollInterval)));
        }

        if (mail is { Enabled: true })
        {
            // With IDLE the mailbox is polled again at each new mail and at least every IdleRefresh.
            list.Add(Expect(Mail.MailIntake.MailboxPartner, "email", mail.PollInterval > mail.IdleRefresh ? mail.PollInterval : mail.IdleRefresh));
        }

        return list;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrEmpty(settings.Value.Listen))
        {
            return;
        }

        using var listener = new HttpListener();
        listener.Prefixes.Add(settings.Value.Listen);
        listener.Start();
        logger.LogInformation("Health listener on {Prefix}", settings.Value.Listen);
        var expectations = Expectations(local.Value, sftp.Value, data.Current, settings.Value.MaxMissedPolls, mail.Value);
        using var registration = stoppingToken.Register(listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                break; // stopped
            }

            using var response = context.Response;
            if (context.Request.Url?.AbsolutePath != "/healthz")
            {
                response.StatusCode = 404;
                continue;
            }

            var report = HealthReport.Evaluate(() => OrderStore.Open(gateway.Value.Database, clock), expectations, clock.GetCurrentInstant());
            var reference = ReferenceHealth.Of(data);
            report = report with { ReferenceData = reference, Healthy = report.Healthy && !reference.Degraded };
            response.StatusCode = report.Healthy ? 200 : 503;
            response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(response.OutputStream, report, ReportJson.Options, stoppingToken);
        }
    }
}
