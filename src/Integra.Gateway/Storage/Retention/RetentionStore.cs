using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.Retention;

/// <summary>
/// The SQL of retention (issue 29), in one place: what may go, in bounded batches, each batch its own short
/// transaction so that the daemon's writers never wait behind one huge delete. No row of an open order ever goes, and
/// nothing of an order with an evidence request that is open, or was decided or due within the evidence retention
/// (<see cref="Protected"/>). Times are the store's ISO UTC text, compared as text as everywhere in the store.
/// </summary>
public sealed class RetentionStore(IUnitOfWork uow, int batchSize)
{
    /// <summary>The orders retention leaves alone whatever their age: those under a dispute, or one decided lately.</summary>
    private const string Protected =
        "SELECT order_id FROM evidence_requests WHERE decided_at IS NULL OR decided_at >= @evidence OR due_at >= @evidence";

    /// <summary>Order states after which nothing more happens to an order (SPEC §4): its bodies may go.</summary>
    private const string ClosedStates = "('Rejected', 'Canceled', 'Expired', 'Complete', 'Closed')";

    /// <summary>Delivered outbox rows delivered before <paramref name="cutoff"/>; returns how many went.</summary>
    public Task<long> DeliveredOutboxAsync(string cutoff, string evidence, CancellationToken cancellationToken) => BatchesAsync(
        $"""
        DELETE FROM outbox WHERE id IN (
            SELECT id FROM outbox
            WHERE delivered_at IS NOT NULL AND delivered_at < @cutoff AND (order_id IS NULL OR order_id NOT IN ({Protected}))
            ORDER BY id LIMIT @batch)
        """,
        new { cutoff, evidence, batch = batchSize },
        cancellationToken);

    /// <summary>
    /// Finished (archived) intake ledger rows last changed before <paramref name="cutoff"/>, and sightings older than
    /// it of names with no unfinished upload. An unfinished row (Seen, Answered) is the ledger's exactly-once promise
    /// for a file still in a drop: it stays whatever its age.
    /// </summary>
    public async Task<long> IntakeLedgerAsync(string cutoff, CancellationToken cancellationToken) =>
        await BatchesAsync(
            "DELETE FROM intake_files WHERE id IN (SELECT id FROM intake_files WHERE state = 'Archived' AND updated_at < @cutoff ORDER BY id LIMIT @batch)",
            new { cutoff, batch = batchSize },
            cancellationToken).ConfigureAwait(false)
        + await BatchesAsync(
            """
            DELETE FROM intake_sightings WHERE (partner, channel, path) IN (
                SELECT s.partner, s.channel, s.path FROM intake_sightings s
                WHERE s.first_seen < @cutoff
                  AND NOT EXISTS (SELECT 1 FROM intake_files f WHERE f.partner = s.partner AND f.channel = s.channel AND f.path = s.path AND f.state <> 'Archived')
                LIMIT @batch)
            """,
            new { cutoff, batch = batchSize },
            cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The stored response rows of the versions of closed orders last changed before <paramref name="cutoff"/>,
    /// emptied (the decision, codes and history stay); returns how many versions lost their body.
    /// </summary>
    public Task<long> ResponseBodiesAsync(string cutoff, string evidence, CancellationToken cancellationToken) => BatchesAsync(
        $"""
        UPDATE versions SET response = '[]' WHERE id IN (
            SELECT v.id FROM versions v JOIN orders o ON o.id = v.order_id
            WHERE o.state IN {ClosedStates} AND o.updated_at < @cutoff AND v.response <> '[]' AND o.id NOT IN ({Protected})
            ORDER BY v.id LIMIT @batch)
        """,
        new { cutoff, evidence, batch = batchSize },
        cancellationToken);

    /// <summary>Portal audit rows written before <paramref name="cutoff"/>.</summary>
    public Task<long> PortalAuditAsync(string cutoff, CancellationToken cancellationToken) => BatchesAsync(
        "DELETE FROM portal_audit WHERE id IN (SELECT id FROM portal_audit WHERE at < @cutoff ORDER BY id LIMIT @batch)",
        new { cutoff, batch = batchSize },
        cancellationToken);

    /// <summary>The request file names of open and protected orders: their archived files and answers stay too.</summary>
    public async Task<IReadOnlySet<string>> ProtectedFileNamesAsync(string evidence, CancellationToken cancellationToken) =>
        (await uow.QueryAsync<string>(
            $"SELECT DISTINCT v.file_name FROM versions v JOIN orders o ON o.id = v.order_id WHERE o.state NOT IN {ClosedStates} OR o.id IN ({Protected})",
            new { evidence },
            cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="sql"/> (which takes at most @batch rows) until a batch takes fewer, each in its own transaction.</summary>
    /// <remarks>Cancelled between or within batches, the batches committed stay: removing is idempotent, the next run goes on.</remarks>
    private async Task<long> BatchesAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            int n;
            var transaction = await uow.BeginAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                n = await uow.ExecuteAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            total += n;
            if (n < batchSize)
            {
                return total;
            }
        }
    }
}
