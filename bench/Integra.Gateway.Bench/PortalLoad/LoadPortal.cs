using Integra.Gateway.Mail;
using Integra.Gateway.Portal;
using Integra.Gateway.PortalHosting;
using Integra.Gateway.Reference;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Integra.Gateway.Bench.PortalLoad;

/// <summary>
/// The portal's Kestrel as <c>run</c> starts it (<see cref="PortalServer.Build"/> over the gateway's core container
/// with the portal's order services and inbox worker) on 127.0.0.1:0, over a new store (a SQLite file, or a new
/// database on a PostgreSQL server) and the samples plus the <see cref="LoadAccounts"/>: what the portal and the API
/// load benches run against. Disposing stops it and drops the store.
/// </summary>
internal sealed class LoadPortal : IAsyncDisposable
{
    private readonly string _root;
    private readonly BenchDatabase _databases;
    private readonly ILoggerFactory _loggers;
    private readonly IHost _gateway;
    private readonly WebApplication _app;

    private LoadPortal(string root, BenchDatabase databases, string database, ILoggerFactory loggers, IHost gateway, WebApplication app, BenchTime time)
    {
        _root = root;
        _databases = databases;
        Database = database;
        _loggers = loggers;
        _gateway = gateway;
        _app = app;
        Time = time;
    }

    public string Database { get; }

    /// <summary>SQLite or PostgreSQL, for the bench's first line.</summary>
    public string DatabaseName => _databases.Name;

    public BenchTime Time { get; }

    public Uri Url => new(_app.Urls.Single());

    /// <summary>The portal's accounts, as its pages reach them.</summary>
    public Portal.Accounts.IPortalStore Accounts => _app.Services.GetRequiredService<Portal.Accounts.IPortalStore>();

    /// <param name="tune">Settings the bench changes (its limits: the load is not what they guard against).</param>
    public static async Task<LoadPortal> StartAsync(string samples, string label, string? postgresServer, Action<PortalSettings> tune)
    {
        var root = Path.Combine(Path.GetTempPath(), $"integra-{label}-load-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var databases = postgresServer is null ? BenchDatabase.Sqlite(root) : BenchDatabase.Postgres(postgresServer);
        var database = databases.Create(label);
        var time = new BenchTime();
        var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));

        // Every submission ports an account of its own (L19: a second order for one TN is R26).
        var reference = Path.Combine(root, "reference");
        LoadAccounts.Write(samples, reference);
        var data = ReferenceDataLoader.Load(reference);
        var gateway = PortalGatewayHost.Build(database, reference, data, time, root, loggers, deliverInbox: true);
        var settings = new PortalSettings { Listen = "http://127.0.0.1:0", MailOutbox = Path.Combine(root, "mail"), AccessRequestFolder = Path.Combine(root, "access-requests") };
        tune(settings);
        await gateway.StartAsync();
        var app = PortalServer.Build(settings, database, new MailSettings(), () => data, time, loggers, gateway.Services);
        await app.StartAsync();
        return new LoadPortal(root, databases, database, loggers, gateway, app, time);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _gateway.StopAsync();
        _gateway.Dispose();
        _loggers.Dispose();
        _databases.Drop(Database);
        Directory.Delete(_root, recursive: true);
    }
}
