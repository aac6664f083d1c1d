using Integra.Gateway.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Integra.Gateway.Operations.Retention;

/// <summary>The daily retention job on the expiry sweep's Quartz scheduler (one scheduler, one cluster on PostgreSQL).</summary>
public static class RetentionRegistration
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionSettings>().BindConfiguration("Retention");
        var settings = configuration.GetSection("Retention").Get<RetentionSettings>() ?? new RetentionSettings();
        if (!settings.Enabled)
        {
            return services;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        services.AddQuartz(q =>
        {
            q.AddJob<RetentionJob>(j => j.WithIdentity(RetentionJob.Key).DisallowConcurrentExecution());
            q.AddTrigger(t => t
                .ForJob(RetentionJob.Key)
                .WithIdentity("retention-daily")
                .WithCronSchedule(settings.CronExpression, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });

        // The sweep starts the scheduler when it is on; with the sweep off, retention starts it.
        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "QuartzHostedService"))
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return services;
    }
}
