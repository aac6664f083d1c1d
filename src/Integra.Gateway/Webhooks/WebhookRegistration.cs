using Integra.Gateway.Configuration;
using Integra.Gateway.Portal.Webhooks;
using Integra.Gateway.Storage.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integra.Gateway.Webhooks;

/// <summary>Registration of partner webhooks: the store the portal and the API register endpoints in, and the daemon's worker.</summary>
public static class WebhookRegistration
{
    /// <summary>The endpoints and deliveries store (<see cref="IWebhookStore"/>) on the units of work of <c>Gateway:Database</c>.</summary>
    public static IServiceCollection AddWebhookStore(this IServiceCollection services) =>
        services.AddSingleton<IWebhookStore, WebhookStore>();

    /// <summary>Binds <c>Webhooks</c>; the feed, the sender and, unless <c>Webhooks:Enabled</c> is false, the worker (<c>run</c>).</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookSettings>().BindConfiguration("Webhooks").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookFeed>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<WebhookSender>(sp, Client(sp.GetRequiredService<IOptions<WebhookSettings>>().Value)));
        if (configuration.GetValue("Webhooks:Enabled", true))
        {
            services.AddHostedService<WebhookWorker>();
        }

        return services;
    }

    /// <summary>
    /// The sender's client: redirects are not followed (a delivery goes to the URL the partner registered, or fails),
    /// pooled connections are renewed so a changed DNS answer is seen, no client-wide timeout (each POST has its own),
    /// no proxy (a proxy would connect for us, past the check), and every connection only to a public address
    /// (<see cref="WebhookTargets"/>, checked on the addresses connected to, so DNS rebinding does not get past it).
    /// </summary>
    public static HttpClient Client(WebhookSettings settings)
    {
        var allowLoopback = settings.AllowLoopback;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = settings.Timeout,
            ConnectCallback = (context, token) => WebhookTargets.ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, allowLoopback, token),
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
