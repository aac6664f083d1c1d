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

    /// <summary>Runs one pass; returns the deliveries it enqueued.</summary>
    public int Pass()
    {
        using var store = stores.Open();

        // A look first, outside any unit of work: on SQLite a unit of work takes the one write lock, which a pass
        // every few seconds with nothing to read would take from the intake for nothing.
        var peek = store.WebhookFeed;
        if (!peek.AnythingAfter(peek.Cursors()))
        {
            return 0;
        }

        using var transaction = store.Begin();
        var feed = store.WebhookFeed;
        feed.Lock();
        var cursors = feed.Cursors();
        var endpoints = feed.EnabledEndpoints();
        var now = clock.GetCurrentInstant();
        var added = 0;

        var files = feed.ResponseFiles(cursors[WebhookSource.ResponseFiles], PageSize);
        if (files.Count > 0)
        {
            added += feed.Enqueue(files.SelectMany(WebhookEvents.Of).ToList(), endpoints, now);
            feed.Advance(WebhookSource.ResponseFiles, files[^1].At);
        }

        var outbox = feed.OutboxAnswers(cursors[WebhookSource.Outbox], PageSize);
        var (laterAnswers, lastOutbox) = WebhookEvents.Of(outbox, outbox.Count == PageSize);
        if (lastOutbox is { } outboxAt)
        {
            added += feed.Enqueue(laterAnswers, endpoints, now);
            feed.Advance(WebhookSource.Outbox, outboxAt);
        }

        var history = feed.OrderEvents(cursors[WebhookSource.OrderEvents], PageSize);
        if (history.Count > 0)
        {
            added += feed.Enqueue(history.Where(e => e.Wanted).Select(WebhookEvents.Of).ToList(), endpoints, now);
            feed.Advance(WebhookSource.OrderEvents, history[^1].At);
        }

        var evidence = feed.EvidenceRequests(cursors[WebhookSource.EvidenceRequests], PageSize);
        if (evidence.Count > 0)
        {
            added += feed.Enqueue(evidence.Select(WebhookEvents.Of).ToList(), endpoints, now);
            feed.Advance(WebhookSource.EvidenceRequests, evidence[^1].At);
        }

        transaction.Commit();
        return added;
    }
}
