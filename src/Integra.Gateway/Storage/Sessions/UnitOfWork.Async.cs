using Integra.Gateway.Storage.Connections;
using NodaTime;

namespace Integra.Gateway.Storage.Sessions;

public sealed partial class UnitOfWork
{
    /// <summary>
    /// <see cref="Open"/> for a request's thread of work: the connection is opened with Npgsql's (or
    /// Microsoft.Data.Sqlite's) async open, so a page waiting for a pooled connection or a TLS handshake does not hold
    /// a thread of the server's pool.
    /// </summary>
    public static async Task<UnitOfWork> OpenAsync(string database, IClock clock, CancellationToken cancellationToken)
    {
        var dialect = StoreDialect.For(StoreLocation.Parse(database));
        return new UnitOfWork(dialect, await dialect.OpenAsync(cancellationToken).ConfigureAwait(false), clock);
    }
}
