namespace Integra.Gateway.Storage.Connections;

/// <summary>Which database holds the order store.</summary>
public enum StoreProvider
{
    /// <summary>A SQLite file: the embedded default for one gateway instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, for deployments with more than one gateway instance.</summary>
    Postgres,
}

/// <summary>
/// The <c>--db</c> value or <c>Gateway:Database</c> setting: a SQLite file path, or a PostgreSQL connection string
/// (<c>Host=...;Database=...;Username=...</c> or a <c>postgresql://</c> URI). Passwords belong in <c>PGPASSWORD</c>
/// or a <c>PGPASSFILE</c>, never in the setting, so that the setting can be logged and kept in the repository.
/// </summary>
public sealed record StoreLocation(StoreProvider Provider, string Value)
{
    public static StoreLocation Parse(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreLocation(StoreProvider.Postgres, FromUri(new Uri(trimmed)));
        }

        var isKeyValue = trimmed.Split(';').Any(p => p.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase));
        return isKeyValue
            ? new StoreLocation(StoreProvider.Postgres, trimmed)
            : new StoreLocation(StoreProvider.Sqlite, value);
    }

    private static string FromUri(Uri uri)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        var user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user[0]);
        }

        if (user.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(user[1]);
        }

        return builder.ConnectionString;
    }
}
