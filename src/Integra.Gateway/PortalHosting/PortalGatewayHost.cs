using Integra.Gateway.Hosting;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Reference;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Integra.Gateway.PortalHosting;

/// <summary>
/// The gateway's container for a portal started outside <c>run</c> (the portal tests, the load bench), for
/// <see cref="PortalServer.Build"/>: the daemon's core (<see cref="GatewayHost.AddGatewayCore"/>), one reference data
/// snapshot and the portal's order services, on the portal's clock, so gateway and portal agree on the time.
/// </summary>
public static class PortalGatewayHost
{
    /// <param name="database">The store (a SQLite file or a PostgreSQL connection string).</param>
    /// <param name="dataDirectory">Where <paramref name="data"/> was loaded from.</param>
    /// <param name="data">The reference data every decision uses.</param>
    /// <param name="time">The clock of gateway and portal (a fake one in tests).</param>
    /// <param name="workDirectory">A folder of the caller's own: content root and the NPAC outbox.</param>
    /// <param name="loggers">The gateway's logs, or null for none.</param>
    /// <param name="deliverInbox">Run the worker that puts later answers into the portal inbox, as <c>run</c> does.</param>
    public static IHost Build(string database, string dataDirectory, ReferenceData data, TimeProvider time, string workDirectory, ILoggerFactory? loggers = null, bool deliverInbox = false)
    {
        // This host is built, not started, by its callers: it migrates here, once, as the daemon's does at start.
        Storage.Migrations.SchemaMigrator.Migrate(database);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = workDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:Database"] = database,
            ["Gateway:DataDirectory"] = dataDirectory,
            ["Lifecycle:NpacOutbox"] = Path.Combine(workDirectory, "npac"),
        });
        if (loggers is not null)
        {
            builder.Services.AddSingleton(loggers);
        }

        var clock = new TimeProviderClock(time);
        builder.Services
            .AddSingleton<IClock>(clock)
            .AddGatewayCore()
            .AddSingleton(new ReferenceDataSource(dataDirectory, data, clock))
            .AddPortalOrderServices();
        if (deliverInbox)
        {
            builder.Services.AddPortalInboxDelivery();
        }

        return builder.Build();
    }
}
