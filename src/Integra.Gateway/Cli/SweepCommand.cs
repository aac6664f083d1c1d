using System.CommandLine;
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
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var asOf = CliValues.Instant(parse.GetValue(now)!, "--now");
            var outDir = parse.GetValue(common.Out)!;
            var clock = new FixedClock(asOf);
            using var context = CommandContext.Open(parse.GetValue(common.Data)!, parse.GetValue(common.Db)!, clock);
            SweepResult result;
            using (var progress = new TerminalProgress("sweeping orders"))
            {
                result = new ExpirySweep(context.Data, context.Policy, context.Store, clock).Run(asOf, progress);
            }

            var delivery = new OutboxDelivery(new OutboxStore(context.Store, clock));
            var responses = delivery.DeliverResponsesAsync(null, (partner, name, rows) =>
            {
                ResponseWriter.WriteFile(Path.Combine(outDir, partner, name), rows);
                return Task.CompletedTask;
            }).GetAwaiter().GetResult();
            var npac = delivery.DeliverNpac(new NpacOutboxFiles(Path.Combine(outDir, "npac")));
            Console.Out.WriteLine($"sweep {result.SweepId}: {result.Expired} order(s) expired, {result.Cancels} TN cancel(s), {result.Completed} completed; {responses} response file(s), {npac} NPAC file(s) -> {outDir}");
            return ExitCodes.Done;
        }));
        return command;
    }
}
