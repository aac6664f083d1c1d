using System.Text.Json;
using Dapper;
using Integra.Gateway.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 29 item 2: a binary refuses a schema newer than it knows. An older binary started after an upgrade (a
/// rollback without restoring the database) stops with exit 2 and one line, in a command and in the daemon alike,
/// before it writes anything.
/// </summary>
public sealed class SchemaVersionTests : IDisposable
{
    private readonly TempDir _temp = new();

    [Theory]
    [InlineData("status")]
    [InlineData("run")]
    public void A_schema_one_version_newer_than_the_binary_stops_it_with_exit_2_and_one_line(string command)
    {
        var database = _temp.File("store/gateway.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        SchemaMigrator.Migrate(database);
        var newer = SchemaMigrator.KnownVersion + 1;
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=false"))
        {
            connection.Execute("INSERT INTO schema_info (version) VALUES (@newer)", new { newer });
        }

        var config = _temp.File("appsettings.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new
        {
            Gateway = new { DataDirectory = Repo.SampleData, Database = database },
            LocalDrop = new { Root = _temp.File("drop"), SeedFrom = string.Empty },
            Lifecycle = new { SweepEnabled = false, NpacOutbox = _temp.File("npac") },
        }));

        var (code, _, error) = GatewayProcess.RunWithErrors(TimeSpan.FromSeconds(60), command, "--config", config);

        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(
            $"integra-gateway: Gateway:Database: schema version {newer} is newer than this binary knows ({SchemaMigrator.KnownVersion}); ",
            line,
            StringComparison.Ordinal);
        using var check = new SqliteConnection($"Data Source={database};Pooling=false;Mode=ReadOnly");
        Assert.Equal(newer, check.ExecuteScalar<long>("SELECT MAX(version) FROM schema_info"));
    }

    public void Dispose() => _temp.Dispose();
}
