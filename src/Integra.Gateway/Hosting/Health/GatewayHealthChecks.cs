using Integra.Gateway.Configuration;
using Integra.Gateway.Operations;
using Integra.Gateway.Reference;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.Hosting.Health;

/// <summary>
/// The daemon's health checks (Microsoft.Extensions.Diagnostics.HealthChecks). Tagged <see cref="Live"/>: the store
/// answers a read (<c>/healthz/live</c>, restart when it fails). Tagged <see cref="Ready"/>: that and the channels, the
/// mailbox, the sweep, the delivery outbox, the reference data and the expedite reviews (<c>/healthz/ready</c>); all
/// but the store are Degraded at worst. Every check reads on a read-only connection: none takes the write lock.
/// </summary>
public static class GatewayHealthChecks
{
    public const string Live = "live";
    public const string Ready = "ready";

    public static IServiceCollection AddGatewayHealthChecks(this IServiceCollection services)
    {
        static string Database(IServiceProvider sp) => sp.GetRequiredService<IOptions<GatewaySettings>>().Value.Database;
        static DateTimeZone Zone(IServiceProvider sp) => sp.GetService<OperationsRegistration.DeskZone>()?.Zone ?? DateTimeZoneProviders.Tzdb["America/Denver"];
        static HealthSettings Settings(IServiceProvider sp) => sp.GetRequiredService<IOptions<HealthSettings>>().Value;
        static IReadOnlyList<ChannelExpectation> Channels(IServiceProvider sp, bool mailbox) =>
            Expected(sp).Where(x => (x.Channel == "email") == mailbox).ToList();

        services.AddSingleton(sp => new StartedAt(sp.GetRequiredService<IClock>().GetCurrentInstant()));
        services.AddHealthChecks()
            .Add(new HealthCheckRegistration("store", sp => new StoreHealthCheck(Database(sp), sp.GetService<Storage.Resilience.StoreAvailability>()), HealthStatus.Unhealthy, [Live, Ready]))
            .Add(new HealthCheckRegistration("channels", sp => new ChannelHealthCheck(Database(sp), () => Channels(sp, mailbox: false), sp.GetRequiredService<IClock>()), HealthStatus.Degraded, [Ready]))
            .Add(new HealthCheckRegistration("mailbox", sp => new ChannelHealthCheck(Database(sp), () => Channels(sp, mailbox: true), sp.GetRequiredService<IClock>()), HealthStatus.Degraded, [Ready]))
            .Add(new HealthCheckRegistration(
                "sweep",
                sp => new SweepHealthCheck(
                    Database(sp),
                    sp.GetRequiredService<IOptions<LifecycleSettings>>().Value.SweepEnabled,
                    Duration.FromTimeSpan(Settings(sp).MaxSweepAge),
                    sp.GetRequiredService<StartedAt>().Instant,
                    sp.GetRequiredService<IClock>()),
                HealthStatus.Degraded,
                [Ready]))
            .Add(new HealthCheckRegistration("outbox", sp => new OutboxHealthCheck(Database(sp), Duration.FromTimeSpan(Settings(sp).MaxDeliveryWait), sp.GetRequiredService<IClock>()), HealthStatus.Degraded, [Ready]))
            .Add(new HealthCheckRegistration("reference-data", sp => new ReferenceDataHealthCheck(sp.GetRequiredService<ReferenceDataSource>()), HealthStatus.Degraded, [Ready]))
            .Add(new HealthCheckRegistration(
                "expedite-reviews",
                sp => new ReviewsHealthCheck(Database(sp), sp.GetRequiredService<ReferenceDataSource>(), Zone(sp), sp.GetRequiredService<IClock>()),
                HealthStatus.Degraded,
                [Ready]));
        return services;
    }

    /// <summary>The channels the daemon runs (drops and mailbox), from its settings and the reference data in use.</summary>
    public static IReadOnlyList<ChannelExpectation> Expected(IServiceProvider sp) =>
        HealthListener.Expectations(
            sp.GetRequiredService<IOptions<LocalDropSettings>>().Value,
            sp.GetRequiredService<IOptions<Drops.Sftp.SftpSettings>>().Value,
            sp.GetRequiredService<ReferenceDataSource>().Current,
            sp.GetRequiredService<IOptions<HealthSettings>>().Value.MaxMissedPolls,
            sp.GetRequiredService<IOptions<Mail.MailSettings>>().Value);

    /// <summary>When the daemon started: the sweep's age counts from here until the first sweep.</summary>
    public sealed record StartedAt(Instant Instant);
}
