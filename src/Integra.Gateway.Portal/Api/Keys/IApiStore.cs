namespace Integra.Gateway.Portal.Api.Keys;

/// <summary>
/// The partner API's tables in the gateway's store: keys, the answers of idempotent posts, and the answer feed.
/// Implemented by the gateway (<c>Storage/Api</c>); every call is its own unit of work, waits for the database without
/// holding a thread, and is tried again on a fresh connection after a transient failure. Every read that returns a
/// partner's data takes the partner.
/// </summary>
public interface IApiStore
{
    Task<ApiKey> AddKeyAsync(NewApiKey key, CancellationToken cancellationToken);

    /// <summary>
    /// The key with this public id, the hash of its secret, and whether its partner's access to the portal and the API
    /// is switched off (<see cref="Partners.PartnerAccess"/>); null when there is no such key.
    /// </summary>
    Task<(ApiKey Key, string SecretHash, bool PartnerDisabled)?> FindKeyAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>The partner's keys, revoked ones included, newest first.</summary>
    Task<IReadOnlyList<ApiKey>> KeysOfAsync(string partner, CancellationToken cancellationToken);

    /// <summary>Revokes the key <paramref name="id"/> of <paramref name="partner"/>; false when it is not that partner's or already revoked.</summary>
    Task<bool> RevokeAsync(string partner, long id, string by, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The answer kept for this partner's idempotency key; null when the key is new.</summary>
    Task<IdempotentAnswer?> FindAnswerAsync(string partner, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps the answer of a post under its idempotency key; when another post of the same key got there first, that
    /// one is kept and returned instead.
    /// </summary>
    Task<IdempotentAnswer> KeepAnswerAsync(string partner, string idempotencyKey, IdempotentAnswer answer, CancellationToken cancellationToken);

    /// <summary>
    /// The partner's answers (its inbox, the API's and the portal's alike) after the entry <paramref name="after"/>,
    /// oldest first. With <paramref name="submittedBy"/> (a key without VIEW, SPEC §7) only the answers to requests sent
    /// by it.
    /// </summary>
    Task<IReadOnlyList<FeedEntry>> FeedAsync(string partner, long after, int limit, string? submittedBy, CancellationToken cancellationToken);
}

/// <summary>The first answer of an idempotent post, replayed as it was: its status, JSON body and request hash.</summary>
public sealed record IdempotentAnswer(string RequestHash, int Status, string Body, DateTimeOffset At);

/// <summary>One answer of the feed: an inbox entry with its rows (cells in SPEC §5 column order).</summary>
public sealed record FeedEntry(long Id, string FileName, DateTimeOffset DeliveredAt, IReadOnlyList<string[]> Rows);
