using Integra.Gateway.Configuration;
using Integra.Gateway.Storage.Migrations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integra.Gateway.Hosting;

/// <summary>
/// The daemon's first hosted service: migrates the store (<see cref="SchemaMigrator"/>) before any worker opens it.
/// <c>run</c> has already migrated it in its start check (<see cref="Cli.CommandHost"/>), so this finds nothing to do
/// unless the daemon's host was started another way (tests, the bench); a schema newer than this binary knows stops
/// the start.
/// </summary>
public sealed class StoreMigrationService(IOptions<GatewaySettings> gateway, ILogger<StoreMigrationService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var version = SchemaMigrator.Migrate(gateway.Value.Database);
        logger.LogDebug("Order store schema at version {Version}", version);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
