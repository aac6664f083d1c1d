using System.CommandLine;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Processing;
using Integra.Gateway.Responses;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.ResponseFiles;
using NodaTime;

namespace Integra.Gateway.Cli;

/// <summary><c>process</c>: answers request files as if they arrived from a partner at an instant (SPEC §6).</summary>
internal static class ProcessCommand
{
    public static Command Create(CommonOptions common)
    {
        var partner = new Option<string>("--partner") { Description = "Partner id (partners.csv PARTNER)", Required = true };
        var received = new Option<string>("--received") { Description = "When the files arrived, ISO 8601 with offset", Required = true };
        var channel = new Option<string>("--channel") { Description = "sftp, email or local (the channel later answers to its orders go on)", DefaultValueFactory = _ => "sftp" };
        var files = new Argument<string[]>("FILE") { Description = "Request files (*.lsr.csv, *.csr.csv)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("process", "Answer request files as if they arrived from a partner") { common.Data, common.Db, common.Out, partner, received, channel, files };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(() => ExecuteAsync(
            CommandSettings.Load(parse),
            parse.GetValue(common.Data),
            parse.GetValue(common.Db),
            parse.GetValue(common.Out)!,
            parse.GetValue(partner)!,
            CliValues.Instant(parse.GetValue(received)!, "--received"),
            CliValues.Channel(parse.GetValue(channel)!),
            parse.GetValue(files)!,
            cancellationToken)));
        return command;
    }

    private static async Task<int> ExecuteAsync(CommandSettings settings, string? data, string? db, string outDir, string partnerId, Instant received, Channel channel, string[] files, CancellationToken cancellationToken)
    {
        using var context = CommandContext.Open(settings, data, db, SystemClock.Instance);
        var partner = context.Partner(partnerId);
        var processor = context.Processor();
        var receipt = new Receipt(partner, channel, received);
        var exit = ExitCodes.Done;

        // No answer replaces another (SPEC §5): a name this folder had, or that is in it now, is numbered. The CLI's
        // copies have their own place in the store, so they never take a drop's names.
        var folder = Path.Combine(outDir, partner.Id);
        var place = ResponseNameStore.OutFolderPlace(folder);
        var names = context.Store.ResponseNames;
        using var progress = new TerminalProgress("processing");
        for (var i = 0; i < files.Length; i++)
        {
            var file = files[i];
            if (files.Length > 1)
            {
                progress.Show(i + 1, files.Length, Path.GetFileName(file));
            }

            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"{file}: file not found");
                exit = ExitCodes.FileFailed;
                continue;
            }

            FileOutcome outcome;
            await using (var stream = File.OpenRead(file))
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
                outcome = await processor.ProcessAsync(receipt, Path.GetFileName(file), stream, stream.Length, new DirectoryLoaSource(directory), cancellationToken);
            }

            var target = Path.Combine(folder, (await names.AssignAsync(partner.Id, place, [new NameRequest(null, outcome.ResponseName)], n => File.Exists(Path.Combine(folder, n)), cancellationToken))[0]);
            ResponseWriter.WriteFile(target, outcome.Rows);
            Console.Out.WriteLine($"{file}: {outcome.Requests} request(s), {outcome.Summary()} -> {target}");
            foreach (var batch in outcome.NpacBatches ?? [])
            {
                // The operator's copy; the outbox keeps the batch for the daemon's NPAC delivery.
                var npacTarget = Path.Combine(outDir, "npac", batch.FileName);
                new NpacOutboxFiles(Path.Combine(outDir, "npac")).Submit(batch.FileName, batch.Rows);
                Console.Out.WriteLine($"  NPAC: {batch.Rows.Count} cancel(s) -> {npacTarget}");
            }

            if (outcome.FileRejected)
            {
                exit = ExitCodes.FileFailed;
            }
        }

        return exit;
    }
}
