using Dapper;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.Queries;

/// <summary>
/// The Dapper command of an async read: on the unit of work's transaction when one is open (as the sync reads, which
/// run on its connection inside it), and cancelled with the request that asked for it.
/// </summary>
internal static class AsyncReads
{
    public static CommandDefinition Command(this IUnitOfWork uow, string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, uow.Transaction, cancellationToken: cancellationToken);
}
