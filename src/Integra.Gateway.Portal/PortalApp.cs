using System.Net;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Api;
using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Portal.Mail;
using Integra.Gateway.Portal.Onboarding;
using Integra.Gateway.Portal.Partners;
using Integra.Gateway.Portal.Security;
using Integra.Gateway.Portal.Submissions;
using Integra.Gateway.Rules.Reference;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Integra.Gateway.Portal;

/// <summary>What the portal runs on: the gateway's store, reference data, mail, clock and order services.</summary>
public sealed record PortalDependencies(
    PortalSettings Settings,
    IPortalStore Store,
    IPortalMailer Mailer,
    Func<ReferenceData> Data,
    TimeProvider Time,
    ILoggerFactory LoggerFactory,
    PortalOrderServices Orders,
    Api.Keys.IApiStore? Api = null);

/// <summary>
/// The partner portal (SPEC §7) as its own ASP.NET Core application: Razor Pages over the gateway's store. The
/// gateway's <c>run</c> starts it next to the intake workers; tests start it on a loopback port.
/// </summary>
public static class PortalApp
{
    public static WebApplication Build(PortalDependencies dependencies)
    {
        var settings = dependencies.Settings;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(PortalApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
            Args = [],
        });
        // The portal reads no settings files of its own: the gateway passes PortalSettings.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls(settings.Listen);

        // Uploads are bounded before they are read: Kestrel refuses a larger body (413), the form reader a larger file.
        var maxUpload = dependencies.Orders.Intake.MaxUploadBytes;
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = maxUpload);
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = maxUpload);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ForwardingLoggerProvider(dependencies.LoggerFactory));

        // Request lines carry query strings, and a one-time link's token is one: ASP.NET Core's request logging
        // stays below the level that would write them.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

        var services = builder.Services;
        services.AddSingleton(settings)
            .AddSingleton(dependencies.Store)
            .AddSingleton(dependencies.Mailer)
            .AddSingleton(dependencies.Data)
            .AddSingleton(new PortalClock(dependencies.Time))
            .AddSingleton(dependencies.Orders.Intake)
            .AddSingleton(dependencies.Orders.Orders)
            .AddSingleton(dependencies.Orders.Desk)
            .AddSingleton(dependencies.Orders.Disputes)
            .AddSingleton(dependencies.Orders.Disputes.Store)
            .AddSingleton(dependencies.Orders.Disputes.Packages)
            .AddSingleton(dependencies.Orders.Webhooks)
            .AddSingleton(sp => new Webhooks.WebhookRegistry(dependencies.Orders.Webhooks, sp.GetRequiredService<Auditor>(), dependencies.Time))
            .AddSingleton(sp => new Auditor(dependencies.Store, dependencies.Time))
            .AddSingleton(sp => new SignInLinks(dependencies.Store, settings, dependencies.Time))
            .AddSingleton(sp => new SignInService(dependencies.Store, settings, sp.GetRequiredService<Auditor>(), dependencies.Time))
            .AddSingleton(sp => new PartnerDirectory(dependencies.Data, dependencies.Store))
            .AddSingleton(sp => new PartnerFormDefaults(sp.GetRequiredService<PartnerDirectory>(), dependencies.Store))
            .AddSingleton(sp => new UserAdministration(dependencies.Store, sp.GetRequiredService<SignInLinks>(), dependencies.Mailer, sp.GetRequiredService<Auditor>(), dependencies.Time))
            .AddSingleton(sp => new PartnerAdministration(
                dependencies.Store,
                sp.GetRequiredService<PartnerDirectory>(),
                sp.GetRequiredService<SignInLinks>(),
                dependencies.Mailer,
                sp.GetRequiredService<Auditor>(),
                settings,
                dependencies.Time))
            .AddSingleton(sp => new OnboardingDesk(
                dependencies.Store,
                sp.GetRequiredService<PartnerDirectory>(),
                dependencies.Data,
                sp.GetRequiredService<SignInLinks>(),
                dependencies.Mailer,
                sp.GetRequiredService<Auditor>(),
                settings,
                dependencies.Time))
            .AddSingleton(sp => new Disputes.EvidenceDesk(
                dependencies.Orders.Disputes,
                dependencies.Orders.Orders,
                dependencies.Store,
                sp.GetRequiredService<PartnerDirectory>(),
                dependencies.Mailer,
                sp.GetRequiredService<Auditor>(),
                settings,
                dependencies.Data,
                dependencies.Time))
            .AddHostedService(sp => new AccessRequestFolderWorker(settings, sp.GetRequiredService<OnboardingDesk>(), sp.GetRequiredService<ILogger<AccessRequestFolderWorker>>()));

        var secure = IsLoopback(settings.Listen) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddDataProtection().SetApplicationName("integra-gateway-portal");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new StoreXmlRepository(dependencies.Store));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "integra.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.HttpOnly = true;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "integra.notice";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
        });
        services.AddAuthentication(Identity.Scheme).AddCookie(Identity.Scheme, o =>
        {
            o.Cookie.Name = "integra.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
            o.LoginPath = "/Account/SignIn";
            o.AccessDeniedPath = "/Account/Denied";
            o.ExpireTimeSpan = settings.SessionIdle;
            o.SlidingExpiration = true;
            o.SessionStore = new StoreTicketStore(dependencies.Store, dependencies.Time);
            o.TimeProvider = dependencies.Time;
            o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Identity.StaffPolicy, p => p.RequireRole(PortalRoles.Desk, PortalRoles.Admin))
            .AddPolicy(Identity.StaffAdminPolicy, p => p.RequireRole(PortalRoles.Admin))
            .AddPolicy(Identity.PartnerPolicy, p => p.RequireRole(PortalRoles.PartnerAdmin, PortalRoles.PartnerUser).RequireClaim(Identity.PartnerClaim))
            .AddPolicy(Identity.PartnerAdminPolicy, p => p.RequireRole(PortalRoles.PartnerAdmin).RequireClaim(Identity.PartnerClaim));
        services.AddPortalThrottle(settings);
        if (dependencies.Api is { } api)
        {
            services.AddPartnerApi(api);
        }

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Staff", Identity.StaffPolicy);
            o.Conventions.AuthorizeFolder("/Staff/Admin", Identity.StaffAdminPolicy);
            o.Conventions.AuthorizeFolder("/Partner", Identity.PartnerPolicy);
            o.Conventions.AuthorizeFolder("/Partner/Users", Identity.PartnerAdminPolicy);
            o.Conventions.AuthorizeFolder("/Partner/Webhooks", Identity.PartnerAdminPolicy);
            o.Conventions.AuthorizeFolder("/Partner/ApiKeys", Identity.PartnerAdminPolicy);
            o.Conventions.AuthorizeFolder("/Docs");
        });

        // Behind a TLS-terminating proxy, X-Forwarded-Proto says the request was https, so Secure cookies,
        // anti-forgery and HSTS work as they should; only from Portal:KnownProxies (default: loopback), or anyone
        // could claim https.
        var proxies = settings.KnownProxies.Select(ProxyAddress).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            if (proxies.Count > 0)
            {
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                proxies.ForEach(o.KnownProxies.Add);
            }
        });

        // A year, as browsers' preload lists expect. The proxy decides which names reach the portal, so no host is
        // excluded (the framework's default leaves out localhost and loopback, which only matters without a proxy).
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.ExcludedHosts.Clear();
        });

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseHsts();
        app.UseSecurityHeaders();
        // Every error is a page of the portal (with the way back and a correlation id), never a blank or plain-text one.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Errors/500",
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePagesWithReExecute("/Errors/{0}");
        if (dependencies.Api is not null)
        {
            app.UseApiProblems();
        }
        app.UseUploadLimit(maxUpload);
        app.UseRouting();
        if (dependencies.Api is not null)
        {
            app.UsePresentedKey();
        }

        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/portal.css", () => Results.Text(PortalStyles.Css, "text/css"));
        app.MapGet("/sla-refresh.js", () => Results.Text(PortalScripts.SlaRefresh, "text/javascript"));
        app.MapRazorPages();
        if (dependencies.Api is not null)
        {
            app.MapPartnerApi();
        }

        return app;
    }

    private static bool IsLoopback(string listen)
    {
        var first = listen.Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        if (!Uri.TryCreate(first.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
    }

    private static IPAddress ProxyAddress(string text) =>
        IPAddress.TryParse(text.Trim(), out var address)
            ? address
            : throw new InvalidOperationException($"Portal:KnownProxies: \"{text}\" is not an IP address.");
}

/// <summary>The portal's clock (the gateway's <see cref="TimeProvider"/>; a fake one in tests).</summary>
public sealed record PortalClock(TimeProvider Time)
{
    public DateTimeOffset Now => Time.GetUtcNow();
}
