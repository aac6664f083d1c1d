using Npgsql;

namespace Integra.Gateway.Tests.Servers;

/// <summary>
/// A real PostgreSQL 15 on a loopback port, started once for the collection by the project's script. Each test
/// gets a database of its own, so tests neither see nor wait for each other's orders.
/// </summary>
public sealed class PostgresFixture : IDisposable
{
    private readonly TempDir _dir = new();
    private int _databases;

    public PostgresFixture()
    {
        // Skipped only where PostgreSQL is not installed at all (scripts/test installs it); any other failure to
        // start it fails the tests.
        if (!File.Exists(Path.Combine(InstallDirectory, "initdb")))
        {
            Unavailable = $"PostgreSQL 15 is not installed ({InstallDirectory}/initdb missing): run scripts/test, which installs it, "
                + "or as root: apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql";
            Server = string.Empty;
            return;
        }

        Script("pg-start");
        Server = File.ReadAllLines(Path.Combine(_dir.Path, "postgres.env"))
            .Select(l => l.Split('=', 2))
            .Single(p => p[0] == "PG_CONNECTION")[1];
    }

    /// <summary>Where the Debian package puts the server programs (the same path as scripts/test-servers.sh).</summary>
    public static string InstallDirectory => "/usr/lib/postgresql/15/bin";

    /// <summary>Why PostgreSQL tests are skipped on this machine, or null when they run.</summary>
    public string? Unavailable { get; }

    /// <summary>Connection string of the server's maintenance database.</summary>
    public string Server { get; }

    /// <summary>Creates an empty database and returns its connection string (a <c>--db</c> value).</summary>
    public string NewDatabase()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var name = $"gw_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        using (var connection = new NpgsqlConnection(Server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Restarts the server in immediate mode, as a fail-over looks to a client: every connection is dropped at once
    /// (<c>57P01</c> or end of stream) and the server answers again, on the same port, when this returns.
    /// </summary>
    public void Restart()
    {
        Script("pg-restart");

        // The tests' own pooled connections (NewDatabase's among them) died with the server.
        NpgsqlConnection.ClearAllPools();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (Unavailable is null)
        {
            Script("pg-stop");
        }

        _dir.Dispose();
    }

    private void Script(string command) => TestServerScript.Run(command, _dir.Path);
}

/// <summary>The PostgreSQL tests, one at a time (the outage test restarts the server under the others' feet otherwise).</summary>
[CollectionDefinition(Name)]
public sealed partial class Postgres : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
