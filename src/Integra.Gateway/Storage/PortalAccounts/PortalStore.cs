using Dapper;
using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.PortalAccounts;

/// <summary>
/// The portal's tables (<see cref="IPortalStore"/>) in the order store's database. Every call is a unit of work of its
/// own from the container's <see cref="UnitOfWorkFactory"/>, so web requests run side by side, several gateway
/// instances on one PostgreSQL database share accounts, sessions and keys, and a transient failure (a restarted
/// server) is retried on a fresh connection as for every other store. Times are ISO instants, compared in code, not in
/// SQL. The calls that serve requests are Dapper's async ones; the few synchronous ones say why they are.
/// </summary>
public sealed partial class PortalStore(UnitOfWorkFactory stores) : IPortalStore
{
    public IReadOnlyList<string> DataProtectionKeys() =>
        stores.Run("portal: data-protection keys", uow => uow.Connection.Query<string>("SELECT xml FROM portal_keys ORDER BY id", transaction: uow.Transaction).ToList());

    public void AddDataProtectionKey(string name, string xml) =>
        stores.Run("portal: data-protection key", uow => uow.Connection.Execute("INSERT INTO portal_keys (name, xml) VALUES (@name, @xml)", new { name, xml }, uow.Transaction));

    public Task AddAuditAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        ExecuteAsync("portal: audit", AddAuditSql, AuditParameters(entry), cancellationToken);

    /// <summary>
    /// The partners approved through onboarding, for the daemon's reference data check (a worker's round, not a
    /// request: <see cref="Reference.ReferenceDataSource"/> asks synchronously).
    /// </summary>
    public IReadOnlyList<Rules.Reference.Partner> ApprovedPartners() =>
        stores.Run("portal: approved partners", uow => uow.Connection.Query<PartnerRow>(ApprovedPartnersSql, transaction: uow.Transaction).Select(Approved).ToList());

    /// <summary>One statement as its own unit of work; the number of rows it changed.</summary>
    private Task<int> ExecuteAsync(string what, string sql, object parameters, CancellationToken cancellationToken) =>
        stores.RunAsync(what, (uow, token) => uow.Connection.ExecuteAsync(uow.Command(sql, parameters, token)), cancellationToken);

    /// <summary>The rows of one query as its own unit of work, mapped.</summary>
    private Task<IReadOnlyList<T>> QueryAsync<TRow, T>(string what, string sql, object? parameters, Func<TRow, T> map, CancellationToken cancellationToken) =>
        stores.RunAsync<IReadOnlyList<T>>(
            what,
            async (uow, token) => (await uow.Connection.QueryAsync<TRow>(uow.Command(sql, parameters, token)).ConfigureAwait(false)).Select(map).ToList(),
            cancellationToken);

    /// <summary>The one row of a query (or none) as its own unit of work, mapped.</summary>
    private Task<T?> QuerySingleAsync<TRow, T>(string what, string sql, object? parameters, Func<TRow, T> map, CancellationToken cancellationToken)
        where T : class =>
        stores.RunAsync(
            what,
            async (uow, token) => await uow.Connection.QuerySingleOrDefaultAsync<TRow>(uow.Command(sql, parameters, token)).ConfigureAwait(false) is { } row ? map(row) : null,
            cancellationToken);
}
