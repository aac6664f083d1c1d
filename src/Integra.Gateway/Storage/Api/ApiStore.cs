using Integra.Gateway.Portal.Api.Keys;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.Api;

/// <summary>
/// The partner API's tables as the portal sees them (<see cref="IApiStore"/>): each call is a unit of work of its own
/// from the factory (<see cref="UnitOfWorkFactory.RunAsync{T}"/>), opened and run without holding a thread while the
/// database answers, and run again on a fresh connection after a transient failure (a restarted PostgreSQL), so
/// requests run side by side and several instances on one database share keys and idempotent answers.
/// </summary>
public sealed class ApiStore(UnitOfWorkFactory stores) : IApiStore
{
    public Task<ApiKey> AddKeyAsync(NewApiKey key, CancellationToken cancellationToken) =>
        stores.RunAsync("API key creation", (uow, token) => uow.ApiKeys.AddAsync(key, token), cancellationToken);

    public Task<(ApiKey Key, string SecretHash, bool PartnerDisabled)?> FindKeyAsync(string keyId, CancellationToken cancellationToken) =>
        stores.RunAsync("API key look-up", (uow, token) => uow.ApiKeys.FindAsync(keyId, token), cancellationToken);

    public Task<IReadOnlyList<ApiKey>> KeysOfAsync(string partner, CancellationToken cancellationToken) =>
        stores.RunAsync("API key list", (uow, token) => uow.ApiKeys.OfPartnerAsync(partner, token), cancellationToken);

    public Task<bool> RevokeAsync(string partner, long id, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        stores.RunAsync("API key revocation", (uow, token) => uow.ApiKeys.RevokeAsync(partner, id, by, at, token), cancellationToken);

    public Task<IdempotentAnswer?> FindAnswerAsync(string partner, string idempotencyKey, CancellationToken cancellationToken) =>
        stores.RunAsync("API idempotent answer", (uow, token) => uow.ApiAnswers.FindAsync(partner, idempotencyKey, token), cancellationToken);

    public Task<IdempotentAnswer> KeepAnswerAsync(string partner, string idempotencyKey, IdempotentAnswer answer, CancellationToken cancellationToken) =>
        stores.RunAsync("API idempotent answer", (uow, token) => uow.ApiAnswers.KeepAsync(partner, idempotencyKey, answer, token), cancellationToken);

    public Task<IReadOnlyList<FeedEntry>> FeedAsync(string partner, long after, int limit, string? submittedBy, CancellationToken cancellationToken) =>
        stores.RunAsync("API answer feed", (uow, token) => uow.ApiAnswers.FeedAsync(partner, after, limit, submittedBy, token), cancellationToken);
}
