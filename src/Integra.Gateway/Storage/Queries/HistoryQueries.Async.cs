using Dapper;

namespace Integra.Gateway.Storage.Queries;

/// <summary>The reads of the order page (<c>PortalHosting.OrderViews</c>) without holding a thread while the database answers.</summary>
public sealed partial class HistoryQueries
{
    /// <inheritdoc cref="HistoryVersions"/>
    public async Task<IReadOnlyList<HistoryVersion>> HistoryVersionsAsync(long orderId, CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<VersionRow>(uow.Command(VersionsSql, new { Id = orderId }, cancellationToken)).ConfigureAwait(false))
            .Select(Of).ToList();

    /// <inheritdoc cref="HistoryEvents"/>
    public async Task<IReadOnlyList<HistoryEvent>> HistoryEventsAsync(long orderId, CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<(string At, string State, string Cause, string Detail)>(uow.Command(EventsSql, new { Id = orderId }, cancellationToken)).ConfigureAwait(false))
            .Select(EventOf).ToList();

    /// <inheritdoc cref="HistoryTns"/>
    public async Task<IReadOnlyList<HistoryTn>> HistoryTnsAsync(long orderId, CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<(string Number, string Lna, string Status)>(uow.Command(TnsSql, new { Id = orderId }, cancellationToken)).ConfigureAwait(false))
            .Select(Of).ToList();

    /// <inheritdoc cref="HistoryActivations"/>
    public async Task<IReadOnlyList<HistoryActivation>> HistoryActivationsAsync(long orderId, CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<(string Tn, string Spid, string ActivatedAt, string ImportedAt)>(uow.Command(ActivationsSql, new { Id = orderId }, cancellationToken)).ConfigureAwait(false))
            .Select(ActivationOf).ToList();

    /// <inheritdoc cref="Documents"/>
    public async Task<IReadOnlyList<DocumentRow>> DocumentsAsync(long versionId, CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<(string Name, string Sha256, byte[] Content)>(uow.Command(DocumentsSql, new { Id = versionId }, cancellationToken)).ConfigureAwait(false))
            .Select(r => new DocumentRow(r.Name, r.Sha256, r.Content)).ToList();
}
