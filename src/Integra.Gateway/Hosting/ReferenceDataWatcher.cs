using Integra.Gateway.Configuration;
using Integra.Gateway.Reference;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Sessions;
using Integra.Gateway.Storage.Snapshots;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integra.Gateway.Hosting;

/// <summary>
/// Watches the reference data directory: every <see cref="GatewaySettings.ReferenceCheckInterval"/> it compares the
/// files' sizes and modification times with the snapshot's, loads a complete new snapshot when they differ and swaps
/// it in (<see cref="ReferenceDataSource"/>). Files that do not load are refused with an Error naming file and line;
/// the old snapshot stays and health is degraded until a good one loads. Each snapshot is recorded for <c>status</c>.
/// </summary>
/// <remarks>A timer rather than a FileSystemWatcher: an editor's or rsync's replace-by-rename, network file systems
/// and a burst of events for one copy all look the same to a comparison of file versions.</remarks>
public sealed class ReferenceDataWatcher(
    ReferenceDataSource source,
    UnitOfWorkFactory stores,
    IOptions<GatewaySettings> settings,
    ILogger<ReferenceDataWatcher> logger) : BackgroundService
{
    /// <summary>The lines <c>status</c> shows for a snapshot's files: name, size, modification time.</summary>
    public static string Describe(IEnumerable<ReferenceFileVersion> files) =>
        string.Join('\n', files.Select(f => $"{f.Name} {f.Size} {Storage.StoreFormats.Text(f.Modified)}"));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecordAsync("reference snapshot record", (store, token) => store.ReferenceSnapshots.RecordReferenceSnapshotAsync(source.LoadedAt, Describe(source.Files), token), stoppingToken);
        using var timer = new PeriodicTimer(settings.Value.ReferenceCheckInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                if (source.Refresh())
                {
                    await RecordAsync("reference snapshot record", (store, token) => store.ReferenceSnapshots.RecordReferenceSnapshotAsync(source.LoadedAt, Describe(source.Files), token), stoppingToken);
                    logger.LogInformation("Reference data reloaded from {Directory}: {Files}", settings.Value.DataDirectory, string.Join(", ", source.Files.Select(f => f.Name)));
                }
            }
            catch (ReferenceDataException e)
            {
                logger.LogError("Reference data in {Directory} refused, keeping the snapshot loaded at {LoadedAt}: {Error}", settings.Value.DataDirectory, source.LoadedAt, e.Message);
                await RecordAsync("reference refusal record", (store, token) => store.ReferenceSnapshots.RecordReferenceRefusalAsync(e.Message, source.LastError?.At ?? source.LoadedAt, token), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Reference data check of {Directory} failed; trying again", settings.Value.DataDirectory);
            }
        }
    }

    /// <summary>
    /// Writes what <c>status</c> shows of the snapshot on a store of its own, again on a fresh connection after a
    /// transient failure; a write that still fails is logged, never stops the watcher (status shows it late).
    /// </summary>
    private async Task RecordAsync(string what, Func<IUnitOfWork, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        try
        {
            await stores.RunAsync(
                what,
                async (store, token) =>
                {
                    await write(store, token);
                    return true;
                },
                cancellationToken);
        }
        catch (Exception e) when (Storage.Connections.StoreProbe.IsStoreFailure(e))
        {
            logger.LogWarning("Reference data {What} failed on the order store: {Error}", what, Storage.Resilience.StoreFailures.OneLine(e));
        }
    }
}
