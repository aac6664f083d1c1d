namespace Integra.Gateway.Portal.Api.Keys;

/// <summary>
/// The partner API's tables in the gateway's store: keys, the answers of idempotent posts, and the answer feed.
/// Implemented by the gateway (<c>Storage/Api</c>); every call is its own unit of work. Every read that returns a
/// partner's data takes the partner.
/// </summary>
public interface IApiStore
{
    ApiKey AddKey(NewApiKey key);

    /// <summary>The key with this public id and the hash of its secret; null when there is none.</summary>
    (ApiKey Key, string SecretHash)? FindKey(string keyId);

    /// <summary>The partner's keys, revoked ones included, newest first.</summary>
    IReadOnlyList<ApiKey> KeysOf(string partner);

    /// <summary>Revokes the key <paramref name="id"/> of <paramref name="partner"/>; false when it is not that partner's or already revoked.</summary>
    bool Revoke(string partner, long id, string by, DateTimeOffset at);

    /// <summary>The answer kept for this partner's idempotency key; null when the key is new.</summary>
    IdempotentAnswer? FindAnswer(string partner, string idempotencyKey);

    /// <summary>
    /// Keeps the answer of a post under its idempotency key; when another post of the same key got there first, that
    /// one is kept and returned instead.
    /// </summary>
    IdempotentAnswer KeepAnswer(string partner, string idempotencyKey, IdempotentAnswer answer);

    /// <summary>
    /// The partner's answers (its inbox, the API's and the portal's alike) after the entry <paramref name="after"/>,
    /// oldest first. With <paramref name="submittedBy"/> (a key without VIEW, SPEC §7) only the answers to requests sent
    /// by it.
    /// </summary>
    IReadOnlyList<FeedEntry> Feed(string partner, long after, int limit, string? submittedBy);
}

/// <summary>The first answer of an idempotent post, replayed as it was: its status, JSON body and request hash.</summary>
public sealed record IdempotentAnswer(string RequestHash, int Status, string Body, DateTimeOffset At);

/// <summary>One answer of the feed: an inbox entry with its rows (cells in SPEC §5 column order).</summary>
public sealed record FeedEntry(long Id, string FileName, DateTimeOffset DeliveredAt, IReadOnlyList<string[]> Rows);
