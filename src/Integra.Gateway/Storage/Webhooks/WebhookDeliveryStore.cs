using Dapper;
using NodaTime;

using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.Webhooks;

/// <summary>Where a delivery stands (<c>webhook_deliveries.state</c>).</summary>
public enum WebhookDeliveryState
{
    /// <summary>Not yet answered with a 2xx; tried again at its next time.</summary>
    Pending,

    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,

    /// <summary>Retried for the whole retry window without a 2xx: left for the partner to redeliver.</summary>
    Flagged,
}

/// <summary>A delivery whose time has come, with what its attempt needs.</summary>
public sealed record DueWebhookDelivery(long Id, string EventId, string Partner, long EndpointId, string Url, string Secret, string Body, int Attempts, Instant RetryFrom);

/// <summary>What one attempt did, as the partner's page shows it.</summary>
/// <remarks>
/// StatusCode: the endpoint's HTTP status, or null when there was no answer (time-out, refused connection).
/// Outcome: a short text: <c>ok</c>, <c>HTTP 500</c>, <c>timeout after …</c>, <c>connection: …</c>.
/// </remarks>
public sealed record WebhookAttemptResult(Instant At, int? StatusCode, string Outcome, TimeSpan Duration);

/// <summary>
/// The webhook channel's outbox: deliveries due at a time, one endpoint's under that endpoint's lease (so two
/// instances never post one delivery at once, and a crashed instance's lease ends with its session), and the outcome
/// of each attempt with the delivery's next state, written together.
/// </summary>
public sealed partial class WebhookDeliveryStore(IUnitOfWork uow)
{
    /// <summary>Enabled endpoints with a delivery due at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<long>> EndpointsDueAsync(Instant now, CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<long>(uow.Command(
                """
                SELECT DISTINCT d.endpoint_id FROM webhook_deliveries d JOIN webhook_endpoints p ON p.id = d.endpoint_id
                WHERE d.state = 'Pending' AND d.next_at <= @now AND p.enabled = 1 AND p.deleted_at IS NULL ORDER BY d.endpoint_id
                """,
                new { now = StoreFormats.Text(now) },
                cancellationToken)).ConfigureAwait(false))
            .ToList();

    /// <summary>
    /// Takes the delivery lease of an endpoint for this store's connection; null while another instance holds it. Per
    /// endpoint, so that an endpoint that times out delays only its own deliveries.
    /// </summary>
    public Task<IAsyncDisposable?> TryLeaseAsync(long endpointId, CancellationToken cancellationToken) =>
        uow.TryLeaseAsync($"webhooks:deliver:{endpointId}", cancellationToken);

    /// <summary>The endpoint's deliveries due at <paramref name="now"/>, the oldest events first; read under its lease.</summary>
    public async Task<IReadOnlyList<DueWebhookDelivery>> DueAsync(long endpointId, Instant now, int limit, CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<DueRow>(uow.Command(
                """
                SELECT d.id AS Id, d.event_id AS EventId, d.partner AS Partner, d.endpoint_id AS EndpointId, p.url AS Url, p.secret AS Secret,
                       e.body AS Body, d.attempts AS Attempts, d.retry_from AS RetryFrom
                FROM webhook_deliveries d JOIN webhook_endpoints p ON p.id = d.endpoint_id JOIN webhook_events e ON e.id = d.event_id
                WHERE d.endpoint_id = @endpointId AND d.state = 'Pending' AND d.next_at <= @now AND p.enabled = 1 AND p.deleted_at IS NULL
                ORDER BY d.id LIMIT @limit
                """,
                new { endpointId, now = StoreFormats.Text(now), limit },
                cancellationToken)).ConfigureAwait(false))
            .Select(r => new DueWebhookDelivery(r.Id, r.EventId, r.Partner, r.EndpointId, r.Url, r.Secret, r.Body, (int)r.Attempts, StoreFormats.Instant(r.RetryFrom)))
            .ToList();

    /// <summary>
    /// Records an attempt and moves the delivery to <paramref name="state"/>, next tried at <paramref name="next"/>
    /// when still pending, in one unit of work.
    /// </summary>
    public async Task RecordAsync(long deliveryId, WebhookAttemptResult attempt, WebhookDeliveryState state, Instant? next, CancellationToken cancellationToken)
    {
        await using var transaction = await uow.BeginAsync(cancellationToken).ConfigureAwait(false);
        await uow.Connection.ExecuteAsync(uow.Command(
            "INSERT INTO webhook_attempts (delivery_id, at, status_code, outcome, duration_ms) VALUES (@deliveryId, @at, @status, @Outcome, @ms)",
            new { deliveryId, at = StoreFormats.Text(attempt.At), status = (long?)attempt.StatusCode, attempt.Outcome, ms = (long)attempt.Duration.TotalMilliseconds },
            cancellationToken)).ConfigureAwait(false);
        await uow.Connection.ExecuteAsync(uow.Command(
            """
            UPDATE webhook_deliveries SET attempts = attempts + 1, state = @state, next_at = COALESCE(@next, next_at),
                delivered_at = CASE WHEN @state = 'Delivered' THEN @at ELSE delivered_at END
            WHERE id = @deliveryId
            """,
            new { deliveryId, state = state.ToString(), next = next is { } n ? StoreFormats.Text(n) : null, at = StoreFormats.Text(attempt.At) },
            cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deliveries per state (tests; the partner's page reads <see cref="OfPartnerAsync"/>).</summary>
    public IReadOnlyDictionary<WebhookDeliveryState, long> CountByState() =>
        uow.Connection.Query<(string State, long Count)>("SELECT state, COUNT(*) FROM webhook_deliveries GROUP BY state", transaction: uow.Transaction)
            .ToDictionary(r => Enum.Parse<WebhookDeliveryState>(r.State), r => r.Count);

    private sealed record DueRow(long Id, string EventId, string Partner, long EndpointId, string Url, string Secret, string Body, long Attempts, string RetryFrom);
}

/// <summary>The <see cref="WebhookDeliveryStore"/> of a unit of work.</summary>
public static class WebhookDeliveryStoreAccess
{
    extension(IUnitOfWork uow)
    {
        public WebhookDeliveryStore WebhookDeliveries => uow.Store(static u => new WebhookDeliveryStore(u));
    }
}
