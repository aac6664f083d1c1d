using Integra.Gateway.Storage.Connections;
using System.CommandLine;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Backup;
using Integra.Gateway.Storage.Migrations;

namespace Integra.Gateway.Cli;

/// <summary>
/// <c>backup --out FILE [--db DB]</c>: a consistent copy of a SQLite order store, taken while the daemon runs
/// (<see cref="SqliteBackup"/>). A PostgreSQL store is backed up with PostgreSQL's own tools (README, "Backup and
/// restore"): the command says so and exits 2.
/// </summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var outFile = new Option<string>("--out") { Description = "The backup file to write (a new file; its folder must exist)", Required = true };
        var db = new Option<string?>("--db") { Description = "Order store (default: Gateway:Database from the settings)" };
        var command = new Command("backup", "Copy the SQLite order store to a file while the daemon runs (PostgreSQL: pg_dump, see the README)") { outFile, db };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var (database, key) = CommandSettings.Load(parse).Database(parse.GetValue(db));
            if (StoreLocation.Parse(database).Provider == StoreProvider.Postgres)
            {
                throw new UsageException($"{key} is a PostgreSQL store: back it up with pg_dump -Fc (and WAL archiving for point-in-time recovery), as the README's \"Backup and restore\" says");
            }

            if (!File.Exists(database))
            {
                throw new UsageException($"{key}: {database}: no order store there");
            }

            var target = Path.GetFullPath(parse.GetValue(outFile)!);
            if (File.Exists(target) || Directory.Exists(target))
            {
                throw new UsageException($"--out: {target} exists already; give a new file name");
            }

            if (!Directory.Exists(Path.GetDirectoryName(target)))
            {
                throw new UsageException($"--out: {target}: no folder {Path.GetDirectoryName(target)}");
            }

            BackupResult result;
            try
            {
                result = SqliteBackup.Run(database, target);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"--out: cannot write {target}: {e.Message.ReplaceLineEndings(" ")}", e);
            }
            catch (Exception e) when (StoreProbe.IsStoreFailure(e) || e is InvalidDataException)
            {
                throw new UsageException($"{key}: cannot back up the order store {database}: {StoreProbe.Reason(e)}", e);
            }

            if (result.SchemaVersion > SchemaMigrator.KnownVersion)
            {
                Console.Error.WriteLine($"integra-gateway: note: the store's schema version {result.SchemaVersion} is newer than this binary's {SchemaMigrator.KnownVersion}; restore it with a binary that knows it");
            }

            Console.Out.WriteLine($"{database}: backed up to {result.File} (schema version {result.SchemaVersion}, {result.Bytes} bytes)");
            return ExitCodes.Done;
        }));
        return command;
    }
}
