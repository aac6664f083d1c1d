using System.CommandLine;
using System.Text;
using Integra.Gateway.Operations;
using NodaTime;

namespace Integra.Gateway.Cli;

/// <summary><c>status [--db FILE] [--json]</c>: what operations checks first.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var db = new Option<string?>("--db") { Description = "Order store (default: Gateway:Database from the settings)" };
        var json = new Option<bool>("--json") { Description = "Machine-readable output" };
        var command = new Command("status", "Channels, files, orders by state, pending reviews, CSR SLA, last sweep") { db, json };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            using var store = CommandSettings.Load(parse).OpenExistingStore(parse.GetValue(db));
            var report = StatusReport.Read(store, SystemClock.Instance.GetCurrentInstant());
            OperationsOutput.Write(report, parse.GetValue(json), () => Text(report));
            return ExitCodes.Done;
        }));
        return command;
    }

    private static string Text(StatusReport r)
    {
        var s = new StringBuilder();
        s.AppendLine($"Integra Gateway status as of {r.AsOf}");
        s.AppendLine();
        s.AppendLine("Channels (partner, channel, last successful poll, waiting, errors 30 d, last error):");
        foreach (var c in r.Channels)
        {
            s.AppendLine($"  {c.Partner,-10} {c.Channel,-6} {c.LastSuccessfulPoll ?? "never",-30} {c.FilesWaiting,4} {c.FilesInError30Days,4}  {(c.LastError is null ? string.Empty : $"{c.LastErrorAt}: {c.LastError}")}");
        }

        s.AppendLine();
        s.AppendLine("Orders by state:");
        foreach (var (state, count) in r.OrdersByState.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            s.AppendLine($"  {state,-22} {count,10}");
        }

        s.AppendLine();
        s.AppendLine($"Pending expedite reviews: {r.PendingReviews.Count}");
        foreach (var p in r.PendingReviews)
        {
            s.AppendLine($"  {p.Partner,-10} {p.Pon,-16} VER {p.Ver} DDD {p.RequestedDate} SDD {p.StandardDate} since {p.Since}");
        }

        s.AppendLine();
        var share = r.Csr.ShareWithin24h is { } v ? $"{v:P1}" : "n/a";
        s.AppendLine($"CSR requests, last 30 days: {r.Csr.Received30Days}, answered within 24 h: {r.Csr.AnsweredWithin24h30Days} ({share})");
        foreach (var w in r.Csr.Waiting)
        {
            s.AppendLine($"  waiting: {w.Partner} {w.File} since {w.FirstSeen} ({w.AgeHours} h)");
        }

        s.AppendLine();
        s.AppendLine(r.LastSweep is { } sw ? $"Last sweep: #{sw.Id} as of {sw.AsOf}: {sw.Expired} expired, {sw.Cancels} cancels" : "Last sweep: none");
        return s.ToString();
    }
}
