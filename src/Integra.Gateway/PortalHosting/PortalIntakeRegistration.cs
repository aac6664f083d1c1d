using Microsoft.Extensions.DependencyInjection;

namespace Integra.Gateway.PortalHosting;

/// <summary>Registration of the portal as a channel: its pipelines and the worker that delivers its later answers.</summary>
public static class PortalIntakeRegistration
{
    /// <summary>The pipelines <see cref="PortalIntake"/> rents; no worker (the command line and tests).</summary>
    public static IServiceCollection AddPortalIntake(this IServiceCollection services) =>
        services.AddSingleton<PortalPipelines>();

    /// <summary>The worker that puts later answers of portal orders into the inboxes (<c>run</c>).</summary>
    public static IServiceCollection AddPortalInboxDelivery(this IServiceCollection services)
    {
        services.AddOptions<PortalInboxSettings>().BindConfiguration("PortalInbox").ValidateDataAnnotations().ValidateOnStart();
        return services.AddHostedService<PortalInboxWorker>();
    }
}
