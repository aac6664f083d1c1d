using Dapper;

namespace Integra.Gateway.Storage.Queries;

/// <summary>The SLA board's reads without holding a thread while the database answers; the same SQL as <c>status</c>'s.</summary>
public sealed partial class ReportQueries
{
    /// <inheritdoc cref="SightingsByChannel"/>
    public async Task<IReadOnlyList<ChannelCount>> SightingsByChannelAsync(CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<(string Partner, string Channel, long Count)>(uow.Command(SightingsSql, null, cancellationToken)).ConfigureAwait(false))
            .Select(r => new ChannelCount(r.Partner, r.Channel, r.Count)).ToList();

    /// <inheritdoc cref="WaitingCsrSightings"/>
    public async Task<IReadOnlyList<SightingRow>> WaitingCsrSightingsAsync(CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<(string Partner, string Channel, string Path, string FirstSeen)>(uow.Command(WaitingCsrSql, null, cancellationToken)).ConfigureAwait(false))
            .Select(r => new SightingRow(r.Partner, r.Channel, r.Path, StoreFormats.Instant(r.FirstSeen))).ToList();

    /// <inheritdoc cref="OrdersByKindAndState"/>
    public async Task<IReadOnlyList<StateCount>> OrdersByKindAndStateAsync(CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<(string Kind, string State, long Count)>(uow.Command(StatesSql, null, cancellationToken)).ConfigureAwait(false))
            .Select(r => new StateCount(StoredText.OrderKind(r.Kind), StoredText.OrderState(r.State), r.Count)).ToList();
}
