using System.CommandLine;
using System.Text;
using Integra.Gateway.Operations;
using Integra.Gateway.Rules.Model;

namespace Integra.Gateway.Cli;

/// <summary><c>show (--pon PON | --file NAME | --tn TN) [--partner ID]</c>: the whole history of the orders found.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var pon = new Option<string?>("--pon") { Description = "Purchase order number" };
        var file = new Option<string?>("--file") { Description = "Request file name (without folder): every order with a version from it" };
        var tn = new Option<string?>("--tn") { Description = "Telephone number (any punctuation): every order with it" };
        var partner = new Option<string?>("--partner") { Description = "Only this partner's orders" };
        var db = new Option<string?>("--db") { Description = "Order store (default: Gateway:Database from the settings)" };
        var json = new Option<bool>("--json") { Description = "Machine-readable output (UTC instants)" };
        var command = new Command("show", "Every version, decision, response and NPAC event of the orders of a PON, a file or a TN") { pon, file, tn, partner, db, json };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var (ponValue, fileValue, tnValue) = (parse.GetValue(pon), parse.GetValue(file), parse.GetValue(tn));
            if (new[] { ponValue, fileValue, tnValue }.Count(v => v is not null) != 1)
            {
                throw new UsageException("give exactly one of --pon, --file and --tn");
            }

            var settings = CommandSettings.Load(parse);
            using var host = CommandHost.Build(settings, dataOption: null, parse.GetValue(db), NodaTime.SystemClock.Instance);
            using var store = host.OpenExistingStore();
            var who = parse.GetValue(partner);
            var (history, what) = (ponValue, fileValue, tnValue) switch
            {
                ({ } p, _, _) => (PonHistory.Read(store, p, who), $"PON {p}"),
                (_, { } f, _) => (PonHistory.ReadFile(store, Path.GetFileName(f), who), $"a version from file {Path.GetFileName(f)}"),
                _ => (PonHistory.ReadTn(store, Tn(tnValue!), who), $"TN {Tn(tnValue!)}"),
            };
            if (history.Orders.Count == 0)
            {
                throw new UsageException($"no order with {what}{(who is null ? string.Empty : $" of partner {who}")}");
            }

            OperationsOutput.Write(history, parse.GetValue(json), () => Text(history, new DeskTime(settings.DeskZone)));
            return ExitCodes.Done;
        }));
        return command;
    }

    private static string Tn(string text) =>
        TelephoneNumber.TryNormalize(text, out var tn) ? tn : throw new UsageException($"--tn '{text}' is not a 10-digit NANP telephone number");

    private static string Text(PonHistory history, DeskTime time)
    {
        var s = new StringBuilder();
        s.AppendLine($"Times in {time.Zone.Id}.");
        s.AppendLine();
        foreach (var o in history.Orders)
        {
            s.AppendLine($"{o.Kind} {o.Pon} of {o.Partner} (CCNA {o.Ccna}) LSRNO {o.LsrNo ?? "-"}: {o.State}{(o.FocDate is null ? string.Empty : $", FOC {o.FocDate}")}, AN {o.An}, NNSP {o.Nnsp}, zone {o.Zone}");
            s.AppendLine("  versions:");
            foreach (var v in o.Versions)
            {
                s.AppendLine($"    VER {v.Ver} SUP '{v.Sup}' via {v.Channel} in {v.File}, received {time.Format(v.ReceivedAt)}, decided {time.Format(v.DecidedAt)}: {v.Outcome} by {v.RuleId} {v.Codes}");
            }

            s.AppendLine("  history:");
            foreach (var e in o.Events)
            {
                s.AppendLine($"    {time.Format(e.At)} {e.State,-14} {e.Cause}: {e.Detail}");
            }

            s.AppendLine("  TNs: " + string.Join(", ", o.Tns.Select(t => $"{t.Number} {t.Lna} {t.Status}")));
            foreach (var a in o.Activations)
            {
                s.AppendLine($"  NPAC activation: {a.Tn} by {a.Spid} at {time.Format(a.ActivatedAt)} (imported {time.Format(a.ImportedAt)})");
            }

            s.AppendLine();
        }

        return s.ToString();
    }
}
