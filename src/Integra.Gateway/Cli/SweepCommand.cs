using System.CommandLine;
using Integra.Gateway.Delivery;
using Integra.Gateway.Lifecycle;
using Integra.Gateway.Responses;
using Integra.Gateway.Storage;

namespace Integra.Gateway.Cli;

/// <summary><c>sweep</c>: the expiry sweep once, as of an instant (SPEC §6).</summary>
internal static class SweepCommand
{
    public static Command Create(CommonOptions common)
    {
        var now = new Option<string>("--now") { Description = "Sweep as of this instant, ISO 8601 with offset", Required = true };
        var command = new Command("sweep", "Expire FOC'd orders not ported within 4 business days; write CAN E01 and NPAC cancels") { common.Data, common.Db, common.Out, now };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var settings = CommandSettings.Load(parse);
            var asOf = CliValues.Instant(parse.GetValue(now)!, "--now");
            var outDir = parse.GetValue(common.Out)!;
            var clock = new FixedClock(asOf);
            using var context = CommandContext.Open(settings, parse.GetValue(common.Data), parse.GetValue(common.Db), clock);
            SweepResult result;
            using (var progress = new TerminalProgress("sweeping orders"))
            {
                result = await new ExpirySweep(context.Data, context.Policy, context.Store).RunAsync(asOf, cancellationToken, progress);
            }

            // The operator's copy of what this sweep produced. The outbox keeps it for the daemon to deliver on each
            // order's channel; anything else waiting there (other sweeps, reviews) is not this command's to take.
            var responses = 0;
            var npac = 0;
            foreach (var file in result.Files)
            {
                if (file.Kind == OutboxKind.Npac)
                {
                    new NpacOutboxFiles(Path.Combine(outDir, "npac")).Submit(file.FileName, file.Rows);
                    npac++;
                }
                else
                {
                    ResponseWriter.WriteFile(Path.Combine(outDir, file.Partner, file.FileName), file.Rows.Select(ResponseRow.FromCells).ToList());
                    responses++;
                }
            }

            Console.Out.WriteLine($"sweep {result.SweepId}: {result.Expired} order(s) expired, {result.Cancels} TN cancel(s), {result.Completed} completed; {responses} response file(s), {npac} NPAC file(s) -> {outDir}");
            return ExitCodes.Done;
        }));
        return command;
    }
}
