using Dapper;

namespace Integra.Gateway.Storage.Queries;

/// <summary>The order page's reads without holding a thread while the database answers; the same SQL as the sync ones.</summary>
public sealed partial class OrderViewQueries
{
    /// <inheritdoc cref="Find"/>
    public async Task<OrderHeader?> FindAsync(string? partner, long id, CancellationToken cancellationToken) =>
        (await uow.Connection.QuerySingleOrDefaultAsync<HeaderRow>(uow.Command(FindSql(partner), new { id, partner }, cancellationToken)).ConfigureAwait(false))?.ToHeader();

    /// <inheritdoc cref="ResponseFiles"/>
    public async Task<IReadOnlyList<ResponseFileRow>> ResponseFilesAsync(OrderHeader order, CancellationToken cancellationToken)
    {
        var answers = await uow.Connection.QueryAsync<FileRow>(uow.Command(AnswerFilesSql, AnswerFilesOf(order), cancellationToken)).ConfigureAwait(false);
        var later = await uow.Connection.QueryAsync<FileRow>(uow.Command(LaterFilesSql, LaterFilesOf(order), cancellationToken)).ConfigureAwait(false);
        return Files(answers, later);
    }

    /// <inheritdoc cref="Response"/>
    public async Task<KeptResponse?> ResponseAsync(OrderHeader order, long fileId, bool later, CancellationToken cancellationToken)
    {
        if (!later)
        {
            return RequestResponse(await uow.Connection.QuerySingleOrDefaultAsync<(string Name, string Cells)?>(uow.Command(RequestResponseSql, RequestResponseOf(order, fileId), cancellationToken)).ConfigureAwait(false));
        }

        var first = await uow.Connection.QuerySingleOrDefaultAsync<OutboxRow>(uow.Command(OutboxFirstSql, OutboxFirstOf(order, fileId), cancellationToken)).ConfigureAwait(false);
        return first is null
            ? null
            : OutboxResponse(first, await uow.Connection.QueryAsync<OutboxRow>(uow.Command(OutboxFileSql, OutboxFileOf(order, first), cancellationToken)).ConfigureAwait(false));
    }
}
