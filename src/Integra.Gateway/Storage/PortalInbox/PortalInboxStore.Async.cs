using Dapper;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Storage.PortalInbox;

/// <summary>The inbox pages' reads without holding a thread while the database answers; the same SQL as the sync ones.</summary>
public sealed partial class PortalInboxStore
{
    /// <inheritdoc cref="Find"/>
    public async Task<PortalInboxEntry?> FindAsync(string partner, long id, string? submittedBy, CancellationToken cancellationToken) =>
        Read(await uow.Connection.QueryFirstOrDefaultAsync<Row>(uow.Command(FindSql(submittedBy), new { partner, id, submittedBy }, cancellationToken)).ConfigureAwait(false));

    /// <inheritdoc cref="Latest"/>
    public async Task<IReadOnlyList<PortalInboxEntry>> LatestAsync(string partner, int limit, string? submittedBy, CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<Row>(uow.Command(LatestSql(submittedBy), new { partner, limit, submittedBy }, cancellationToken)).ConfigureAwait(false))
            .Select(r => Read(r)!)
            .ToList();
}
