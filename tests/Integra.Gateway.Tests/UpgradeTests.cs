using Dapper;
using Integra.Gateway.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 29, upgrades: the expand/contract rule (Schema.cs, README "Upgrade and rollback"). A running instance of the
/// older binary keeps answering on a schema the newer one expanded (new nullable columns and a new table, its
/// version one above), because the old binary's SQL names its columns; a new start of the old binary on it is refused
/// by the downgrade guard, which is why a rollback restores the backup taken before the upgrade.
/// </summary>
public sealed class UpgradeTests : IDisposable
{
    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly TempDir _temp = new();

    [Fact]
    public async Task A_running_older_instance_keeps_answering_on_a_schema_the_newer_one_expanded()
    {
        var folder = _temp.File("d");
        var db = Path.Combine(folder, "gateway.db");
        var inbox = Path.Combine(folder, "drop", "ACME", "in");
        var outbox = Path.Combine(folder, "drop", "ACME", "out");
        using var daemon = new DaemonProcess(folder, new Dictionary<string, string> { ["INTEGRA_LocalDrop__QuietPeriod"] = "00:00:00" });
        await daemon.Running();
        Assert.True(await Eventually.Until(() => Directory.Exists(inbox), Bound), "the daemon made no drop folders"); // it makes them in its first round
        await Drop(inbox, "before.lsr.csv", "UP-1");
        Assert.True(await Eventually.Until(() => File.Exists(Path.Combine(outbox, "before.lsr.resp.csv")), Bound), daemon.Output);

        // The newer binary's expand step, as its migration would run it while this instance works on.
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False;Default Timeout=30"))
        {
            connection.Open();
            connection.Execute(
                """
                ALTER TABLE orders ADD COLUMN porting_note TEXT;
                ALTER TABLE versions ADD COLUMN reviewed_by TEXT;
                CREATE TABLE order_notes (id INTEGER PRIMARY KEY AUTOINCREMENT, order_id INTEGER NOT NULL, note TEXT NOT NULL);
                INSERT INTO schema_info (version) VALUES (@next);
                """,
                new { next = SchemaMigrator.KnownVersion + 1 });
        }

        await Drop(inbox, "after.lsr.csv", "UP-2");
        Assert.True(await Eventually.Until(() => File.Exists(Path.Combine(outbox, "after.lsr.resp.csv")), Bound), daemon.Output);
        Assert.False(daemon.HasExited);
        Assert.Contains("ACM,UP-2,00", await File.ReadAllTextAsync(Path.Combine(outbox, "after.lsr.resp.csv")), StringComparison.Ordinal);

        // A new start of the older binary is refused: it cannot know what a newer contract step will drop.
        var (code, _, error) = GatewayProcess.RunWithErrors(Bound, "status", "--db", db);
        Assert.Equal(2, code);
        Assert.Contains($"{SchemaMigrator.KnownVersion + 1}", error, StringComparison.Ordinal);

        await daemon.Signal("TERM");
        Assert.Equal(0, await daemon.Exited());
    }

    public void Dispose() => _temp.Dispose();

    private static async Task Drop(string inbox, string name, string pon)
    {
        await File.WriteAllTextAsync(Path.Combine(inbox, name + ".part"), $"{Header}\nACM,{pon},00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1001,97201,5035550101\n");
        File.Move(Path.Combine(inbox, name + ".part"), Path.Combine(inbox, name));
    }
}
