using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Sessions;
using Integra.Gateway.Storage.Webhooks;
using NodaTime;

namespace Integra.Gateway.Webhooks;

/// <summary>
/// Turns what the store recorded since the last pass into webhook events and deliveries (<see cref="WebhookEvents"/>),
/// without touching the write paths that recorded it: one unit of work per pass reads each tailed table after its
/// cursor, records the events of partners with an enabled endpoint and a delivery per endpoint, and advances the
/// cursors, under the feed's lock. A crash before the commit leaves nothing; after it, everything: each row becomes
/// its events exactly once, in any number of instances.
/// </summary>
public sealed class WebhookFeed(UnitOfWorkFactory stores, IClock clock)
{
    /// <summary>Rows read per table and pass; a backlog takes several passes.</summary>
    public const int PageSize = 500;

    /// <summary>
    /// Runs one pass on a unit of work of its own, again on a fresh one after a transient failure (the pass commits
    /// all or nothing, so running it again is safe); returns the deliveries it enqueued.
    /// </summary>
    public Task<int> PassAsync(CancellationToken cancellationToken) =>
        stores.RunAsync("webhook feed", PassAsync, cancellationToken);

    private async Task<int> PassAsync(IUnitOfWork store, CancellationToken cancellationToken)
    {
        // A look first, outside any unit of work: on SQLite a unit of work takes the one write lock, which a pass
        // every few seconds with nothing to read would take from the intake for nothing.
        var peek = store.WebhookFeed;
        if (!await peek.AnythingAfterAsync(await peek.CursorsAsync(cancellationToken), cancellationToken))
        {
            return 0;
        }

        await using var transaction = await store.BeginAsync(cancellationToken);
        var feed = store.WebhookFeed;
        await feed.LockAsync(cancellationToken);
        var cursors = await feed.CursorsAsync(cancellationToken);
        var endpoints = await feed.EnabledEndpointsAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        var added = 0;

        var files = await feed.ResponseFilesAsync(cursors[WebhookSource.ResponseFiles], PageSize, cancellationToken);
        if (files.Count > 0)
        {
            added += await feed.EnqueueAsync(files.SelectMany(WebhookEvents.Of).ToList(), endpoints, now, cancellationToken);
            await feed.AdvanceAsync(WebhookSource.ResponseFiles, files[^1].At, cancellationToken);
        }

        var outbox = await feed.OutboxAnswersAsync(cursors[WebhookSource.Outbox], PageSize, cancellationToken);
        var (laterAnswers, lastOutbox) = WebhookEvents.Of(outbox, outbox.Count == PageSize);
        if (lastOutbox is { } outboxAt)
        {
            added += await feed.EnqueueAsync(laterAnswers, endpoints, now, cancellationToken);
            await feed.AdvanceAsync(WebhookSource.Outbox, outboxAt, cancellationToken);
        }

        var history = await feed.OrderEventsAsync(cursors[WebhookSource.OrderEvents], PageSize, cancellationToken);
        if (history.Count > 0)
        {
            added += await feed.EnqueueAsync(history.Where(e => e.Wanted).Select(WebhookEvents.Of).ToList(), endpoints, now, cancellationToken);
            await feed.AdvanceAsync(WebhookSource.OrderEvents, history[^1].At, cancellationToken);
        }

        var evidence = await feed.EvidenceRequestsAsync(cursors[WebhookSource.EvidenceRequests], PageSize, cancellationToken);
        if (evidence.Count > 0)
        {
            added += await feed.EnqueueAsync(evidence.Select(WebhookEvents.Of).ToList(), endpoints, now, cancellationToken);
            await feed.AdvanceAsync(WebhookSource.EvidenceRequests, evidence[^1].At, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }
}
