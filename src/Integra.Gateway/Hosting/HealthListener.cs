using System.ComponentModel.DataAnnotations;
using Integra.Gateway.Configuration;
using Integra.Gateway.Hosting.Health;
using Integra.Gateway.Operations;
using Integra.Gateway.Rules.Reference;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;

namespace Integra.Gateway.Hosting;

/// <summary>Settings of the optional health endpoint (section "Health").</summary>
public sealed class HealthSettings
{
    /// <summary>
    /// Where the probes are served, e.g. <c>http://127.0.0.1:9180/</c>, or <c>http://0.0.0.0:9180/</c> (also
    /// <c>+</c> or <c>*</c> for every address) in a container; empty = no probes.
    /// </summary>
    public string? Listen { get; set; }

    /// <summary>A channel is Degraded when its last successful poll is older than this many poll intervals.</summary>
    public int MaxMissedPolls { get; set; } = 3;

    /// <summary>Readiness is Degraded when no expiry sweep ran for this long (a daily sweep plus two hours' slack).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan MaxSweepAge { get; set; } = TimeSpan.FromHours(26);

    /// <summary>Readiness is Degraded when a response file waits in the delivery outbox longer than this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan MaxDeliveryWait { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// The probes' answers: <c>GET /healthz/live</c> (the process answers and its store reads) and
/// <c>GET /healthz/ready</c> (everything of <see cref="GatewayHealthChecks"/>); <c>/healthz</c> is <c>ready</c>.
/// 200 when Healthy or Degraded, 503 when Unhealthy, with a JSON report of every check. Served by
/// <see cref="ProbeServer"/>.
/// </summary>
public static class HealthListener
{
    /// <summary>The channels this daemon runs, with their staleness bounds.</summary>
    public static IReadOnlyList<ChannelExpectation> Expectations(LocalDropSettings local, Drops.Sftp.SftpSettings sftp, ReferenceData data, int missed, Mail.MailSettings? mail = null)
    {
        // A few seconds of slack: a poll that takes a moment is not a missed one.
        ChannelExpectation Expect(string partner, string channel, TimeSpan interval) =>
            new(partner, channel, Duration.FromTimeSpan(interval * missed) + Duration.FromSeconds(5));

        var list = new List<ChannelExpectation>();
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

    /// <summary>Runs the checks of <paramref name="path"/>; null for a path that is not a probe.</summary>
    public static async Task<HealthReport?> ProbeAsync(HealthCheckService health, string? path, CancellationToken cancellationToken) =>
        path switch
        {
            "/healthz/live" => await health.CheckHealthAsync(c => c.Tags.Contains(GatewayHealthChecks.Live), cancellationToken),
            "/healthz/ready" or "/healthz" => await health.CheckHealthAsync(c => c.Tags.Contains(GatewayHealthChecks.Ready), cancellationToken),
            _ => null,
        };

    /// <summary>The JSON of a probe's answer: overall status, then each check's status, description and data.</summary>
    public static object Json(HealthReport report) => new
    {
        status = report.Status.ToString(),
        checks = report.Entries.ToDictionary(
            e => e.Key,
            e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
                data = e.Value.Data.Count == 0 ? null : e.Value.Data.ToDictionary(d => d.Key, d => d.Value.ToString()),
            }),
    };
}
