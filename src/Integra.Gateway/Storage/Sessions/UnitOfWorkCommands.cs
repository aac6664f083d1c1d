using Dapper;

namespace Integra.Gateway.Storage.Sessions;

/// <summary>
/// Dapper's async calls on a unit of work, for the stores' statements that are not kept commands: on its connection
/// after the writes waiting there (<see cref="IUnitOfWork.ConnectionAsync"/>), in its transaction when one is open,
/// cancelled with the request or round that asked.
/// </summary>
internal static class UnitOfWorkCommands
{
    public static async Task<int> ExecuteAsync(this IUnitOfWork uow, string sql, object? parameters, CancellationToken cancellationToken) =>
        await (await uow.ConnectionAsync(cancellationToken).ConfigureAwait(false)).ExecuteAsync(Definition(uow, sql, parameters, cancellationToken)).ConfigureAwait(false);

    public static async Task<T?> ExecuteScalarAsync<T>(this IUnitOfWork uow, string sql, object? parameters, CancellationToken cancellationToken) =>
        await (await uow.ConnectionAsync(cancellationToken).ConfigureAwait(false)).ExecuteScalarAsync<T>(Definition(uow, sql, parameters, cancellationToken)).ConfigureAwait(false);

    public static async Task<IEnumerable<T>> QueryAsync<T>(this IUnitOfWork uow, string sql, object? parameters, CancellationToken cancellationToken) =>
        await (await uow.ConnectionAsync(cancellationToken).ConfigureAwait(false)).QueryAsync<T>(Definition(uow, sql, parameters, cancellationToken)).ConfigureAwait(false);

    public static async Task<T?> QueryFirstOrDefaultAsync<T>(this IUnitOfWork uow, string sql, object? parameters, CancellationToken cancellationToken) =>
        await (await uow.ConnectionAsync(cancellationToken).ConfigureAwait(false)).QueryFirstOrDefaultAsync<T>(Definition(uow, sql, parameters, cancellationToken)).ConfigureAwait(false);

    private static CommandDefinition Definition(IUnitOfWork uow, string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, uow.Transaction, cancellationToken: cancellationToken);
}
