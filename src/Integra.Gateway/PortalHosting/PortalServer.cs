using Integra.Gateway.Configuration;
using Integra.Gateway.Mail;
using Integra.Gateway.Operations;
using Integra.Gateway.Portal;
using Integra.Gateway.Portal.Mail;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.PortalAccounts;
using Integra.Gateway.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integra.Gateway.PortalHosting;

/// <summary>
/// The partner portal inside <c>run</c>: its own Kestrel on <c>Portal:Listen</c>, over the gateway's store and
/// reference data. Started and stopped with the daemon; a port that cannot be bound stops the start.
/// </summary>
public sealed class PortalServer(
    IOptions<PortalSettings> settings,
    IOptions<GatewaySettings> options,
    IOptions<MailSettings> mail,
    ReferenceDataSource data,
    IServiceProvider gateway,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>
    /// The portal over the store at <paramref name="database"/>, with the mailer that <paramref name="settings"/> chooses
    /// and the order services of the gateway's container <paramref name="gateway"/> (<see cref="PortalRegistration.AddPortalOrderServices"/>).
    /// </summary>
    public static WebApplication Build(PortalSettings settings, string database, MailSettings mail, Func<ReferenceData> data, TimeProvider time, ILoggerFactory loggers, IServiceProvider gateway) =>
        PortalApp.Build(new PortalDependencies(settings, gateway.GetRequiredService<PortalStore>(), Mailer(settings, mail, time), data, time, loggers, OrderServices(gateway), new Storage.Api.ApiStore(gateway.GetRequiredService<Storage.Sessions.UnitOfWorkFactory>())));

    private static PortalOrderServices OrderServices(IServiceProvider gateway) =>
        new(gateway.GetRequiredService<PortalIntake>(), gateway.GetRequiredService<OrderViews>(), gateway.GetRequiredService<DeskViews>(), gateway.GetRequiredService<Portal.Disputes.DisputeServices>(), gateway.GetRequiredService<Portal.Webhooks.IWebhookStore>());

    public static IPortalMailer Mailer(PortalSettings settings, MailSettings mail, TimeProvider time) =>
        settings.MailDelivery == "smtp" ? new SmtpPortalMailer(mail, settings.From) : new FolderMailer(settings.MailOutbox, settings.From, time);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _app = Build(settings.Value, options.Value.Database, mail.Value, () => data.Current, TimeProvider.System, loggers, gateway);
        await _app.StartAsync(cancellationToken);
        loggers.CreateLogger<PortalServer>().LogInformation("Partner portal listening on {Urls}", string.Join(", ", _app.Urls));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>Registration of the portal in the daemon.</summary>
public static class PortalRegistration
{
    /// <summary>Binds <c>Portal</c> and, unless <c>Portal:Enabled</c> is false, serves the portal.</summary>
    public static IServiceCollection AddPartnerPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalSettings>().BindConfiguration("Portal").ValidateDataAnnotations().ValidateOnStart();
        if (configuration.GetValue("Portal:Enabled", true))
        {
            services.AddPortalOrderServices().AddPortalInboxDelivery().AddHostedService<PortalServer>();
        }

        return services;
    }

    /// <summary>The gateway's side of the portal's order pages: submission, tracking, the desk.</summary>
    public static IServiceCollection AddPortalOrderServices(this IServiceCollection services) =>
        services.AddPortalIntake().AddSingleton<PortalIntake>().AddSingleton<OrderViews>().AddSingleton<DeskViews>().AddEvidenceDisputes<OrderViews>().AddWebhookStore();
}
