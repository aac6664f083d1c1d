using Integra.Gateway.Configuration;
using Integra.Gateway.Hosting.Health;
using Integra.Gateway.Logging;
using Integra.Gateway.Operations.Retention;
using Integra.Gateway.PortalHosting;
using Integra.Gateway.Webhooks;
using Integra.Gateway.Reference;
using Integra.Gateway.Storage.PortalAccounts;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using OpenTelemetry.Metrics;
using Quartz;

namespace Integra.Gateway.Hosting;

/// <summary>The daemon: settings, reference data, and the intake workers, on the .NET Generic Host.</summary>
public static class GatewayHost
{
    public static IHost Build(string? configFile)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.AddGatewaySources(configFile);
        builder.Logging.ClearProviders();
        builder.Services.AddGatewayLogging(builder.Configuration);
        // The host's own stop: how long the workers get to finish a file after a stop request (Gateway:ShutdownTimeout).
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = builder.Configuration.GetValue("Gateway:ShutdownTimeout", new GatewaySettings().ShutdownTimeout));
        builder.Services
            .AddSingleton<IClock>(SystemClock.Instance)
            .AddHostedService<HangupSignal>()
            .AddHostedService<StoreMigrationService>()
            .AddGatewayCore()
            .AddReferenceData()
            .AddLocalDrops(builder.Configuration)
            .AddSftpDrops(builder.Configuration)
            .AddMailbox(builder.Configuration)
            .AddExpirySweep(builder.Configuration)
            .AddRetention(builder.Configuration)
            .AddHostedService<CsrSlaWorker>()
            .AddSingleton<RunOutcome>()
            .AddHostedService<StoreWatchdog>()
            .AddSingleton(new LoopHeartbeats(TimeProvider.System))
            .AddHostedService<SystemdWatchdog>()
            .AddPartnerPortal(builder.Configuration)
            .AddWebhooks(builder.Configuration)
            .AddOperations(builder.Configuration);
        builder.Services.AddSystemd();
        return builder.Build();
    }

    /// <summary>
    /// What the daemon and the command line (<see cref="Cli.CommandHost"/>) build alike: the checked options, the
    /// order stores, the request processors, the intake pipelines, the NPAC outbox and the metrics. Each adds its own
    /// <see cref="IClock"/> and <see cref="ReferenceDataSource"/> (live for the daemon, the command's snapshot for a
    /// command); the daemon adds its workers.
    /// </summary>
    public static IServiceCollection AddGatewayCore(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<Operations.GatewayMetrics>();
        services.TryAddSingleton(sp => new Storage.Connections.StoreDatabase(sp.GetRequiredService<IOptions<GatewaySettings>>().Value.Database));
        services.TryAddSingleton<Storage.Resilience.StoreAvailability>();
        return services.AddGatewayOptions().AddIntakePipeline();
    }

    private static IServiceCollection AddGatewayOptions(this IServiceCollection services)
    {
        services.AddOptions<GatewaySettings>().BindConfiguration("Gateway").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IntakeSettings>().BindConfiguration("Intake").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PolicySettings>().BindConfiguration("Policy").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PolicySettings>>().Value.ToPolicyOptions());
        return services;
    }

    /// <summary>Live reference data: the snapshot source, and the watcher that swaps in a changed one.</summary>
    private static IServiceCollection AddReferenceData(this IServiceCollection services) =>
        services
            .AddSingleton(sp =>
            {
                var gateway = sp.GetRequiredService<IOptions<GatewaySettings>>().Value;
                return new ReferenceDataSource(gateway.DataDirectory, sp.GetRequiredService<IClock>(), ApprovedPartners(sp.GetRequiredService<Storage.PortalAccounts.PortalStore>()));
            })
            .AddHostedService<ReferenceDataWatcher>();

    /// <summary>
    /// The partners the portal's onboarding approved, read from the store at each reference check (a few rows), so the
    /// drop and mail channels know them without a restart. A store that cannot be read keeps the partners known last;
    /// the store watchdog reports the store itself.
    /// </summary>
    private static Func<IReadOnlyList<Rules.Reference.Partner>> ApprovedPartners(Storage.PortalAccounts.PortalStore store)
    {
        IReadOnlyList<Rules.Reference.Partner> last = [];
        return () =>
        {
            try
            {
                return last = store.ApprovedPartners();
            }
            catch (System.Data.Common.DbException)
            {
                return last;
            }
        };
    }

    /// <summary>
    /// The store, the processor and the one intake pipeline every channel feeds, and the NPAC outbox the pipeline and
    /// the sweep deliver to.
    /// </summary>
    private static IServiceCollection AddIntakePipeline(this IServiceCollection services)
    {
        services.AddOptions<LifecycleSettings>().BindConfiguration("Lifecycle").ValidateDataAnnotations().ValidateOnStart();
        return services
            .AddSingleton<Storage.Sessions.UnitOfWorkFactory>()
            .AddSingleton<Storage.PortalAccounts.PortalStore>()
            .AddSingleton<Processing.RequestProcessors>()
            .AddSingleton<Lifecycle.INpacGateway>(sp => new Lifecycle.NpacOutboxFiles(sp.GetRequiredService<IOptions<LifecycleSettings>>().Value.NpacOutbox))
            .AddSingleton<Intake.Pipeline.IntakePipelines>();
    }

    private static IServiceCollection AddMailbox(this IServiceCollection services, ConfigurationManager configuration)
    {
        services.AddOptions<Mail.MailSettings>().BindConfiguration("Mail");
        if (configuration.GetValue("Mail:Enabled", false))
        {
            services.AddHostedService<MailWorker>();
        }

        return services;
    }

    private static IServiceCollection AddExpirySweep(this IServiceCollection services, ConfigurationManager configuration)
    {
        var settings = configuration.GetSection("Lifecycle").Get<LifecycleSettings>() ?? new LifecycleSettings();
        if (!settings.SweepEnabled)
        {
            return services;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.SweepTimeZone);
        var store = Storage.Connections.StoreLocation.Parse(configuration["Gateway:Database"] ?? new GatewaySettings().Database);
        services.AddQuartz(q =>
        {
            if (store.Provider == Storage.Connections.StoreProvider.Postgres)
            {
                // Every instance on one PostgreSQL database joins one Quartz cluster: the daily trigger is a row in
                // the qrtz_ tables and only the instance that acquires it sweeps (the sweep's own lock covers the
                // sweep-on-start triggers of instances starting together).
                q.ConfigureScheduler(o => o.InstanceName = "integra-gateway");
                q.UsePersistentStore(p =>
                {
                    p.UsePostgres(Npgsql.NpgsqlFactory.Instance, store.Value);
                    p.ProvisionSchema();
                    p.ConfigureStore(o => o.StoreJobDataAsStrings = true);
                    p.UseClustering(c =>
                    {
                        c.CheckinInterval = settings.ClusterCheckin;
                        c.CheckinMisfireThreshold = settings.ClusterCheckin * 2;
                    });
                });
            }

            q.AddJob<SweepJob>(j => j.WithIdentity(SweepJob.Key).DisallowConcurrentExecution());
            q.AddTrigger(t => t
                .ForJob(SweepJob.Key)
                .WithIdentity("expiry-sweep-daily")
                .WithCronSchedule(settings.CronExpression, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            if (settings.SweepOnStart)
            {
                q.AddTrigger(t => t.ForJob(SweepJob.Key).WithIdentity("expiry-sweep-on-start").StartNow());
            }
        });
        // Every instance that starts re-declares the daily trigger. Without its firing history the replacement would
        // compute its next fire from its own start, and an instance starting in the second the trigger fired (a second
        // instance of a cluster, or a restart) would sweep a second time.
        services.Configure<QuartzOptions>(o => o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true);
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static IServiceCollection AddSftpDrops(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Drops.Sftp.SftpSettings>().BindConfiguration("Sftp");
        if (configuration.GetValue("Sftp:Enabled", false))
        {
            services.AddHostedService<SftpDropWorker>();
        }

        return services;
    }

    private static IServiceCollection AddLocalDrops(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LocalDropSettings>().BindConfiguration("LocalDrop").ValidateDataAnnotations().ValidateOnStart();
        if (configuration.GetValue("LocalDrop:Enabled", true))
        {
            services.AddHostedService<LocalDropWorker>();
        }

        return services;
    }
}
