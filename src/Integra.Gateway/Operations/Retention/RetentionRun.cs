using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Retention;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Integra.Gateway.Operations.Retention;

/// <summary>What one retention run removed, per kind (<see cref="RetentionKinds"/>), and the store's size after it.</summary>
public sealed record RetentionResult(IReadOnlyDictionary<string, long> Removed, long StoreBytes);

/// <summary>The kinds retention removes: the <c>kind</c> tag of <c>gateway.retention.removed</c> and the keys of its log line.</summary>
public static class RetentionKinds
{
    public const string DeliveredOutbox = "delivered_outbox";
    public const string IntakeLedger = "intake_ledger";
    public const string ResponseBodies = "response_bodies";
    public const string DropFiles = "drop_files";
    public const string PortalAudit = "portal_audit";
}

/// <summary>
/// One retention run as of the clock's now: each kind older than its setting removed in bounded batches (the SQL is
/// <see cref="RetentionStore"/>'s), the local drops' <c>archive/</c> and <c>out/</c> files, counted in
/// <c>gateway.retention.removed</c> and logged once. Removing is idempotent: a run that fails half-way, or runs twice,
/// removes the rest next time.
/// </summary>
public sealed class RetentionRun(RetentionSettings settings, IClock clock, GatewayMetrics? metrics, ILogger logger)
{
    /// <summary>A local drop's folders that only grow: the originals taken, and the answers given.</summary>
    private static readonly string[] DropFolders = ["archive", "out"];

    /// <param name="store">The order store (a connection of the run's own).</param>
    /// <param name="database">Where it is, for its size.</param>
    /// <param name="dropRoot">The local drops' root (<c>LocalDrop:Root</c>), or null when local drops are off.</param>
    /// <param name="cancellationToken">The job's: a scheduler shutting down stops the run between or within batches.</param>
    public async Task<RetentionResult> RunAsync(IUnitOfWork store, string database, string? dropRoot, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        string Cutoff(TimeSpan age) => StoreFormats.Text(now - Duration.FromTimeSpan(age));
        var evidence = Cutoff(settings.Evidence);
        var sql = new RetentionStore(store, settings.BatchSize);
        var removed = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [RetentionKinds.DeliveredOutbox] = await sql.DeliveredOutboxAsync(Cutoff(settings.DeliveredOutbox), evidence, cancellationToken).ConfigureAwait(false),
            [RetentionKinds.IntakeLedger] = await sql.IntakeLedgerAsync(Cutoff(settings.IntakeLedger), cancellationToken).ConfigureAwait(false),
            [RetentionKinds.ResponseBodies] = await sql.ResponseBodiesAsync(Cutoff(settings.ResponseBodies), evidence, cancellationToken).ConfigureAwait(false),
            [RetentionKinds.PortalAudit] = await sql.PortalAuditAsync(Cutoff(settings.PortalAudit), cancellationToken).ConfigureAwait(false),
            [RetentionKinds.DropFiles] = dropRoot is null
                ? 0
                : DropFiles(dropRoot, now - Duration.FromTimeSpan(settings.DropFiles), await sql.ProtectedFileNamesAsync(evidence, cancellationToken).ConfigureAwait(false), cancellationToken),
        };

        // No kind removes evidence (issue 27): requests, answers and documents are kept as long as their order, and
        // retention never removes an order; Retention:Evidence is how long after a dispute its order's other rows stay.
        foreach (var (kind, count) in removed)
        {
            metrics?.RetentionRemoved(kind, count);
        }

        var bytes = await StoreSize.ReadAsync(database, cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "Retention as of {Now}: removed {DeliveredOutbox} delivered outbox row(s), {IntakeLedger} intake ledger row(s), {ResponseBodies} response body(ies), {DropFiles} drop file(s), {PortalAudit} portal audit row(s); store {StoreBytes} bytes",
            now,
            removed[RetentionKinds.DeliveredOutbox],
            removed[RetentionKinds.IntakeLedger],
            removed[RetentionKinds.ResponseBodies],
            removed[RetentionKinds.DropFiles],
            removed[RetentionKinds.PortalAudit],
            bytes);
        return new RetentionResult(removed, bytes);
    }

    /// <summary>
    /// Files last written before <paramref name="cutoff"/> in every partner's <c>archive/</c> and <c>out/</c>, except
    /// a protected order's request file and its answers (named after the request file).
    /// </summary>
    private static long DropFiles(string root, Instant cutoff, IReadOnlySet<string> protectedNames, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var stems = protectedNames.Select(n => Path.GetFileNameWithoutExtension(n) + ".").ToList();
        long removed = 0;
        foreach (var partner in Directory.EnumerateDirectories(root))
        {
            foreach (var folder in DropFolders.Select(f => Path.Combine(partner, f)).Where(Directory.Exists))
            {
                foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (Instant.FromDateTimeUtc(file.LastWriteTimeUtc) >= cutoff
                        || protectedNames.Contains(file.Name)
                        || stems.Any(s => file.Name.StartsWith(s, StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    file.Delete();
                    removed++;
                }
            }
        }

        return removed;
    }
}
