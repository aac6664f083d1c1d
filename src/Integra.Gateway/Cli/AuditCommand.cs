using System.CommandLine;
using Integra.Gateway.Operations;

namespace Integra.Gateway.Cli;

/// <summary><c>audit --pon PON --out DIR</c>: exports the history and authorization evidence of a PON for a dispute.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var pon = new Option<string>("--pon") { Description = "Purchase order number", Required = true };
        var outDir = new Option<string>("--out") { Description = "Folder to export into", Required = true };
        var partner = new Option<string?>("--partner") { Description = "Only this partner's PON" };
        var db = new Option<string?>("--db") { Description = "Order store (default: Gateway:Database from the settings)" };
        var command = new Command("audit", "Export a PON's history and the authorization evidence received (AGAUTH, AUTHNM, DATED, LOA documents)") { pon, outDir, partner, db };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            using var host = CommandHost.Build(CommandSettings.Load(parse), dataOption: null, parse.GetValue(db), NodaTime.SystemClock.Instance);
            using var store = host.OpenExistingStore();
            var folders = AuditExport.Write(store, parse.GetValue(pon)!, parse.GetValue(partner), parse.GetValue(outDir)!);
            if (folders.Count == 0)
            {
                throw new NotFoundException($"no order with PON {parse.GetValue(pon)}");
            }

            foreach (var folder in folders)
            {
                Console.Out.WriteLine(folder);
            }

            return ExitCodes.Done;
        }));
        return command;
    }
}
