using System.Globalization;
using Dapper;
using Integra.Gateway.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace Integra.Gateway.Tests;

/// <summary>
/// Issue 29: <c>backup --out FILE</c> copies a SQLite store while a real daemon answers files, and the copy, put in
/// place of the store, holds every order and answer of the files answered before the backup began.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private const string Header = "CCNA,PON,VER,CC,NNSP,NPDI,REQTYP,ACT,DDD,INITTEL,AGAUTH,AN,ZIP,TN";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly TempDir _temp = new();

    [Fact]
    public async Task A_backup_taken_while_the_daemon_writes_restores_every_answer_given_before_it()
    {
        var folder = _temp.File("d");
        var db = Path.Combine(folder, "gateway.db");
        var inbox = Path.Combine(folder, "drop", "ACME", "in");
        var outbox = Path.Combine(folder, "drop", "ACME", "out");
        using var daemon = new DaemonProcess(folder, new Dictionary<string, string> { ["INTEGRA_LocalDrop__QuietPeriod"] = "00:00:00" });
        await daemon.Running();
        Assert.True(await Eventually.Until(() => Directory.Exists(inbox), Bound), "the daemon made no drop folders"); // it makes them in its first round

        // A partner keeps uploading, a few files ahead of the daemon's answers, until told to stop.
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var i = 0;
            while (!stop.IsCancellationRequested)
            {
                i++;
                var name = Name(i);
                await File.WriteAllTextAsync(Path.Combine(inbox, name + ".part"), $"{Header}\nACM,BK-{i:D4},00,ACMW,6001,C,CB,V,2026-03-10,5035550900,Y,A1001,97201,5035550101\n");
                File.Move(Path.Combine(inbox, name + ".part"), Path.Combine(inbox, name));
                var behind = i - 3;
                if (behind > 0 && !await Eventually.Until(() => File.Exists(Path.Combine(outbox, Answer(behind))) || daemon.HasExited, Bound))
                {
                    throw new TimeoutException($"the daemon did not answer {Name(behind)}: {daemon.Output} {daemon.Error}");
                }
            }

            return i;
        });

        Assert.True(await Eventually.Until(() => Answered(outbox).Count >= 10, Bound), $"the daemon answered nothing: {daemon.Output} {daemon.Error}");
        var answeredBefore = Answered(outbox);
        var backup = _temp.File("backup.db");
        var (code, output, error) = GatewayProcess.RunWithErrors(Bound, "backup", "--db", db, "--out", backup);
        Assert.True(code == 0, $"backup: {code} {output} {error}");
        Assert.Contains($"schema version {SchemaMigrator.KnownVersion}", output, StringComparison.Ordinal);

        // The daemon went on answering during and after the backup: the copy was taken under load, not in a pause.
        var answeredAtBackupEnd = Answered(outbox).Count;
        Assert.True(await Eventually.Until(() => Answered(outbox).Count >= answeredAtBackupEnd + 5, Bound), "the daemon stopped answering after the backup");
        await stop.CancelAsync();
        var written = await writer;
        await daemon.Signal("TERM");
        Assert.Equal(0, await daemon.Exited());

        // Restore as the README says: the daemon stopped, the store's -wal and -shm files gone, the backup copied in place.
        foreach (var file in new[] { db, db + "-wal", db + "-shm" })
        {
            File.Delete(file);
        }

        File.Copy(backup, db);
        using (var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False"))
        {
            Assert.Equal(SchemaMigrator.KnownVersion, connection.ExecuteScalar<int>("SELECT MAX(version) FROM schema_info"));
            var files = connection.Query<string>("SELECT file_name FROM versions").ToHashSet(StringComparer.Ordinal);
            var pons = connection.Query<string>("SELECT pon FROM orders WHERE partner = 'ACME'").ToHashSet(StringComparer.Ordinal);
            foreach (var answered in answeredBefore)
            {
                var request = answered.Replace(".resp.csv", ".csv", StringComparison.Ordinal);
                Assert.Contains(request, files);
                Assert.Contains("BK-" + request[3..7], pons);
            }

            // A snapshot, not the end state: what the daemon answered after the backup is not in it.
            Assert.DoesNotContain(Name(written), files);
        }

        var (statusCode, status, statusError) = GatewayProcess.RunWithErrors(Bound, "status", "--db", db, "--json");
        Assert.True(statusCode == 0, statusError);
        Assert.Contains("ordersByState", status, StringComparison.Ordinal);
        var (showCode, show, showError) = GatewayProcess.RunWithErrors(Bound, "show", "--pon", "BK-0001", "--db", db, "--json");
        Assert.True(showCode == 0, showError);
        Assert.Contains("bk-0001.lsr.csv", show, StringComparison.Ordinal);
    }

    [Fact]
    public void A_backup_to_a_folder_that_is_not_there_is_exit_2_and_one_line()
    {
        var db = _temp.File("gateway.db");
        using (var connection = new SqliteConnection($"Data Source={db}"))
        {
            connection.Open();
            connection.Execute("CREATE TABLE schema_info (version INTEGER NOT NULL); INSERT INTO schema_info VALUES (1);");
        }

        SqliteConnection.ClearAllPools();
        var (code, output, error) = GatewayProcess.RunWithErrors(Bound, "backup", "--db", db, "--out", _temp.File("no-such-folder/backup.db"));
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("integra-gateway: --out: ", error, StringComparison.Ordinal);

        // An existing file is never overwritten.
        File.WriteAllText(_temp.File("taken.db"), "keep me");
        Assert.Equal(2, GatewayProcess.RunWithErrors(Bound, "backup", "--db", db, "--out", _temp.File("taken.db")).Code);
        Assert.Equal("keep me", File.ReadAllText(_temp.File("taken.db")));

        // No store there: the same exit code, naming --db.
        var (missing, _, missingError) = GatewayProcess.RunWithErrors(Bound, "backup", "--db", _temp.File("none.db"), "--out", _temp.File("b.db"));
        Assert.Equal(2, missing);
        Assert.StartsWith("integra-gateway: --db: ", missingError, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("b.db")));
    }

    [Fact]
    public void A_postgresql_store_is_refused_with_one_line_pointing_to_pg_dump()
    {
        var (code, output, error) = GatewayProcess.RunWithErrors(Bound, "backup", "--db", "Host=127.0.0.1;Database=gateway;Username=gateway", "--out", _temp.File("b.db"));
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("pg_dump -Fc", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("b.db")));
    }

    public void Dispose() => _temp.Dispose();

    private static string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"bk-{i:D4}.lsr.csv");

    private static string Answer(int i) => Name(i).Replace(".csv", ".resp.csv", StringComparison.Ordinal);

    private static List<string> Answered(string outbox) =>
        Directory.Exists(outbox) ? Directory.GetFiles(outbox, "bk-*.resp.csv").Select(f => Path.GetFileName(f)!).ToList() : [];
}
