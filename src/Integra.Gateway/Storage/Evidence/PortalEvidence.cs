using Integra.Gateway.Portal.Disputes;
using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.Storage.Evidence;

/// <summary>
/// Evidence requests, answers and documents as the portal's pages and desk use them (<see cref="IEvidenceStore"/>):
/// each call a unit of work of its own from the factory (<see cref="UnitOfWorkFactory.RunAsync{T}"/>), run without
/// holding a thread while the database answers and again on a fresh connection after a transient failure, over
/// <see cref="EvidenceStore"/>. New documents go into <see cref="Folder"/>, or into the database when it is null;
/// documents already kept in a folder are read from it, so it must be the folder they were written to.
/// </summary>
public sealed class PortalEvidence(UnitOfWorkFactory stores, EvidenceFolder? folder) : IEvidenceStore
{
    /// <summary>The evidence as <paramref name="settings"/> say: the documents in <c>Disputes:EvidenceFolder</c> when set.</summary>
    public PortalEvidence(UnitOfWorkFactory stores, DisputesSettings settings)
        : this(stores, FolderOf(settings))
    {
    }

    /// <summary>Where documents are kept; null: in the database.</summary>
    public EvidenceFolder? Folder { get; } = folder;

    /// <summary>The folder <c>Disputes:EvidenceFolder</c> names; null when it is not set.</summary>
    public static EvidenceFolder? FolderOf(DisputesSettings settings) =>
        string.IsNullOrWhiteSpace(settings.EvidenceFolder) ? null : new EvidenceFolder(settings.EvidenceFolder);

    public Task<long> AddAsync(NewEvidenceRequest request, CancellationToken cancellationToken) =>
        stores.RunAsync("evidence request", (uow, token) => uow.Evidence.AddAsync(request, token), cancellationToken);

    public Task<EvidenceRequest?> FindAsync(string? partner, long id, CancellationToken cancellationToken) =>
        stores.RunAsync("evidence request", (uow, token) => uow.Evidence.FindAsync(partner, id, token), cancellationToken);

    public async Task<IReadOnlyList<EvidenceRequest>> OfOrderAsync(string? partner, long orderId, CancellationToken cancellationToken) =>
        await stores.RunAsync("evidence requests of an order", (uow, token) => uow.Evidence.OfOrderAsync(partner, orderId, token), cancellationToken);

    public Task<IReadOnlyList<EvidenceRequest>> ListAsync(string? partner, int limit, CancellationToken cancellationToken) =>
        stores.RunAsync("evidence requests", (uow, token) => uow.Evidence.ListAsync(partner, limit, token), cancellationToken);

    public Task<IReadOnlyList<EvidenceRequest>> PastDueAsync(Instant now, CancellationToken cancellationToken) =>
        stores.RunAsync("evidence requests past due", (uow, token) => uow.Evidence.PastDueAsync(now, token), cancellationToken);

    public Task<IReadOnlyList<EvidenceAnswer>> AnswersAsync(string? partner, long requestId, CancellationToken cancellationToken) =>
        stores.RunAsync("evidence answers", (uow, token) => uow.Evidence.AnswersAsync(partner, requestId, token), cancellationToken);

    public Task<long?> AddAnswerAsync(string partner, long requestId, string answeredBy, string text, IReadOnlyList<EvidenceDocument> documents, Instant at, CancellationToken cancellationToken) =>
        stores.RunAsync("evidence answer", (uow, token) => uow.Evidence.AddAnswerAsync(partner, requestId, answeredBy, text, documents, at, Folder, token), cancellationToken);

    public Task<bool> DecideAsync(long id, bool accept, string by, string reason, Instant at, CancellationToken cancellationToken) =>
        stores.RunAsync("evidence decision", (uow, token) => uow.Evidence.DecideAsync(id, accept, by, reason, at, token), cancellationToken);

    public Task<bool> ExtendAsync(long id, LocalDate dueDate, Instant dueAt, CancellationToken cancellationToken) =>
        stores.RunAsync("evidence due date", (uow, token) => uow.Evidence.ExtendAsync(id, dueDate, dueAt, token), cancellationToken);

    public Task<bool> ReopenAsync(long id, LocalDate dueDate, Instant dueAt, CancellationToken cancellationToken) =>
        stores.RunAsync("evidence reopening", (uow, token) => uow.Evidence.ReopenAsync(id, dueDate, dueAt, token), cancellationToken);

    public Task<EvidenceFileContent?> ReadFileAsync(string? partner, long fileId, CancellationToken cancellationToken) =>
        stores.RunAsync("evidence document", (uow, token) => uow.Evidence.ReadFileAsync(partner, fileId, Folder, token), cancellationToken);
}
