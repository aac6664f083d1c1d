using System.CommandLine;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Reference;
using NodaTime;

namespace Integra.Gateway.Cli;

/// <summary><c>npac-import</c>: records NPAC activations (SPEC §6).</summary>
internal static class NpacImportCommand
{
    public static Command Create(CommonOptions common)
    {
        var file = new Argument<string>("FILE") { Description = "Activation file: TN,SPID,ACTIVATED" };
        var command = new Command("npac-import", "Record NPAC activations; orders with every TN activated are complete") { common.Data, common.Db, file };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var context = CommandContext.Open(CommandSettings.Load(parse), parse.GetValue(common.Data), parse.GetValue(common.Db), SystemClock.Instance);
            var path = parse.GetValue(file)!;
            try
            {
                using var progress = new TerminalProgress("importing activations");
                var result = await new ActivationImport(context.Store, SystemClock.Instance).ImportAsync(path, cancellationToken, progress);
                Console.Out.WriteLine($"{path}: {result.Rows} activation(s), {result.Matched} matched an open order, {result.Completed} order(s) complete, {result.Unmatched} unmatched");
                foreach (var late in result.AfterCancel)
                {
                    // SPEC §4: NPAC may have canceled a port that took place; the desk must look.
                    Console.Error.WriteLine($"integra-gateway: ActivatedAfterCancel: TN {late.Tn} of PON {late.Pon} (LSRNO {late.LsrNo}, {late.Partner}) was activated for {late.Spid} at {late.ActivatedAt}, after its NPAC CANCEL was delivered; check NPAC by hand");
                }
                return ExitCodes.Done;
            }
            catch (ReferenceDataException e)
            {
                Console.Error.WriteLine($"integra-gateway: {e.Message}");
                return ExitCodes.FileFailed;
            }
        }));
        return command;
    }
}
