using System.CommandLine;
using System.Text;
using Integra.Gateway.Operations;

namespace Integra.Gateway.Cli;

/// <summary><c>show --pon PON [--partner ID]</c>: the whole history of a request.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var pon = new Option<string>("--pon") { Description = "Purchase order number", Required = true };
        var partner = new Option<string?>("--partner") { Description = "Only this partner's PON" };
        var db = new Option<string?>("--db") { Description = "Order store (default: Gateway:Database from the settings)" };
        var json = new Option<bool>("--json") { Description = "Machine-readable output" };
        var command = new Command("show", "Every version, decision, response and NPAC event of a PON") { pon, partner, db, json };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            using var store = CommandSettings.Load(parse).OpenExistingStore(parse.GetValue(db));
            var history = PonHistory.Read(store, parse.GetValue(pon)!, parse.GetValue(partner));
            if (history.Orders.Count == 0)
            {
                throw new UsageException($"no order with PON {parse.GetValue(pon)}");
            }

            OperationsOutput.Write(history, parse.GetValue(json), () => Text(history));
            return ExitCodes.Done;
        }));
        return command;
    }

    private static string Text(PonHistory history)
    {
        var s = new StringBuilder();
        foreach (var o in history.Orders)
        {
            s.AppendLine($"{o.Kind} {o.Pon} of {o.Partner} (CCNA {o.Ccna}) LSRNO {o.LsrNo ?? "-"}: {o.State}{(o.FocDate is null ? string.Empty : $", FOC {o.FocDate}")}, AN {o.An}, NNSP {o.Nnsp}, zone {o.Zone}");
            s.AppendLine("  versions:");
            foreach (var v in o.Versions)
            {
                s.AppendLine($"    VER {v.Ver} SUP '{v.Sup}' via {v.Channel} in {v.File}, received {v.ReceivedAt}, decided {v.DecidedAt}: {v.Outcome} by {v.RuleId} {v.Codes}");
            }

            s.AppendLine("  history:");
            foreach (var e in o.Events)
            {
                s.AppendLine($"    {e.At} {e.State,-14} {e.Cause}: {e.Detail}");
            }

            s.AppendLine("  TNs: " + string.Join(", ", o.Tns.Select(t => $"{t.Number} {t.Lna} {t.Status}")));
            foreach (var a in o.Activations)
            {
                s.AppendLine($"  NPAC activation: {a.Tn} by {a.Spid} at {a.ActivatedAt} (imported {a.ImportedAt})");
            }

            s.AppendLine();
        }

        return s.ToString();
    }
}
