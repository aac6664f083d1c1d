using Integra.Gateway.Configuration;
using Integra.Gateway.Hosting;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Migrations;
using Integra.Gateway.Storage.PortalAccounts;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.Cli;

/// <summary>
/// The command line's host: the daemon's container (<see cref="GatewayHost.AddGatewayCore"/>) without its workers, on
/// the command's settings with <c>--data</c> and <c>--db</c> laid over them and the command's clock. A command takes
/// its store and its processor from here, as the daemon's workers take theirs from the daemon's host.
/// </summary>
internal sealed class CommandHost : IDisposable
{
    private readonly IHost _host;
    private readonly string _storeKey;
    private bool _migrated;

    private CommandHost(IHost host, string storeKey)
    {
        _host = host;
        _storeKey = storeKey;
    }

    public IServiceProvider Services => _host.Services;

    /// <param name="settings">The command's checked settings.</param>
    /// <param name="dataOption"><c>--data</c>, or null for <c>Gateway:DataDirectory</c>.</param>
    /// <param name="dbOption"><c>--db</c>, or null for <c>Gateway:Database</c>.</param>
    /// <param name="clock">The clock the store stamps its rows with (the command's <c>--now</c> where it has one).</param>
    /// <param name="data">The reference data the command loaded and checked; null for a command that decides nothing.</param>
    public static CommandHost Build(CommandSettings settings, string? dataOption, string? dbOption, IClock clock, ReferenceData? data = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.AddConfiguration(settings.Configuration);
        var overrides = new Dictionary<string, string?>();
        if (dataOption is not null)
        {
            overrides["Gateway:DataDirectory"] = dataOption;
        }

        if (dbOption is not null)
        {
            overrides["Gateway:Database"] = dbOption;
        }

        builder.Configuration.AddInMemoryCollection(overrides);

        // A command's output is its own lines (SPEC §6); the pipeline's log events are the daemon's.
        builder.Logging.ClearProviders();
        builder.Services
            .AddSingleton(clock)
            .AddGatewayCore()
            .AddSingleton(sp =>
            {
                var directory = sp.GetRequiredService<IOptions<GatewaySettings>>().Value.DataDirectory;
                return data is null ? new ReferenceDataSource(directory, clock) : new ReferenceDataSource(directory, data, clock);
            });
        return new CommandHost(builder.Build(), settings.Database(dbOption).Key);
    }

    /// <summary>
    /// Opens the store, migrated first (created when needed: <see cref="SchemaMigrator"/>, once per command); with
    /// <paramref name="writable"/>, it must take writes now.
    /// </summary>
    /// <exception cref="UsageException">
    /// The store cannot be opened or written, or its schema is newer than this binary knows (the message names
    /// <c>--db</c> or <c>Gateway:Database</c>).
    /// </exception>
    public IUnitOfWork OpenStore(bool writable)
    {
        var database = Services.GetRequiredService<IOptions<GatewaySettings>>().Value.Database;
        try
        {
            if (!_migrated)
            {
                SchemaMigrator.Migrate(database);
                _migrated = true;
            }

            var store = Services.GetRequiredService<UnitOfWorkFactory>().Open();
            if (writable)
            {
                try
                {
                    StoreProbe.ProbeWritable(database);
                }
                catch
                {
                    store.Dispose();
                    throw;
                }
            }

            return store;
        }
        catch (SchemaTooNewException e)
        {
            throw new UsageException($"{_storeKey}: {e.Message}", e);
        }
        catch (Exception e) when (StoreProbe.IsStoreFailure(e))
        {
            throw new UsageException($"{_storeKey}: cannot use the order store {StoreProbe.Describe(database)}: {StoreProbe.Reason(e)}", e);
        }
    }

    /// <summary>Opens the existing store: a read-only command never creates an empty one by mistake.</summary>
    /// <exception cref="UsageException">There is no store there, or it cannot be opened.</exception>
    public IUnitOfWork OpenExistingStore()
    {
        var database = Services.GetRequiredService<IOptions<GatewaySettings>>().Value.Database;
        if (StoreLocation.Parse(database).Provider == StoreProvider.Sqlite && !File.Exists(database))
        {
            throw new UsageException($"{_storeKey}: {database}: no order store there");
        }

        return OpenStore(writable: false);
    }

    /// <summary>
    /// The portal's tables in the same store (<c>portal</c> commands): opened, migrated and checked writable as
    /// <see cref="OpenStore"/> does, so a store that cannot be used ends the command with the same one line.
    /// </summary>
    /// <exception cref="UsageException">The store cannot be opened or written.</exception>
    public PortalStore OpenPortalStore()
    {
        using (OpenStore(writable: true))
        {
            // The store is migrated, the portal's tables included, and takes writes.
        }

        return Services.GetRequiredService<PortalStore>();
    }

    /// <summary>The request file processor on <paramref name="store"/>, over the command's reference data.</summary>
    public RequestFileProcessor Processor(IUnitOfWork store) => Services.GetRequiredService<RequestProcessors>().For(store)();

    public void Dispose() => _host.Dispose();
}
