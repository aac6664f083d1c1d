namespace Integra.Gateway.Storage.Connections;

/// <summary>
/// The database the gateway's store lives in (<c>Gateway:Database</c>: a SQLite path or a PostgreSQL connection
/// string, see <see cref="StoreLocation"/>), as the container hands it to the storage services, so that Storage
/// needs nothing of the settings classes above it.
/// </summary>
public sealed record StoreDatabase(string Value);
