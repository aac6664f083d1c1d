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
            var settings = CommandSettings.Load(parse);
            using var host = CommandHost.Build(settings, dataOption: null, parse.GetValue(db), SystemClock.Instance);
            using var store = host.OpenExistingStore();
            using var view = Storage.Queries.OperationsView.Open(settings.Database(parse.GetValue(db)).Database);
            var now = SystemClock.Instance.GetCurrentInstant();
            var report = StatusReport.Read(store, now, Calendar(settings), settings.DeskZone) with
            {
                OnboardingFormsPastDue = view.ProfilesPastDue(now),
                EvidenceRequestsPastDue = view.EvidencePastDue(now).Select(e => new StatusReport.PastDueEvidence(e.Id, e.Partner, e.Kind, e.Pon, e.DueDate)).ToList(),
            };
            OperationsOutput.Write(report, parse.GetValue(json), () => Text(report, new DeskTime(settings.DeskZone)));
            return ExitCodes.Done;
        }));
        return command;
    }

    /// <summary>The business calendar of <c>Gateway:DataDirectory</c> for the reviews' ages; none (no ages) when it does not load, so status still shows the rest.</summary>
    private static Rules.Calendar.BusinessCalendar? Calendar(CommandSettings settings)
    {
        try
        {
            return settings.LoadReferenceData(null).Calendar;
        }
        catch (UsageException)
        {
            return null;
        }
    }

    private static string Text(StatusReport r, DeskTime time)
    {
        var s = new StringBuilder();
        s.AppendLine($"Integra Gateway status as of {time.Format(r.AsOf)} (times in {time.Zone.Id})");
        s.AppendLine();
        s.AppendLine("Channels (partner, channel, last successful poll, waiting, errors 30 d, last error):");
        foreach (var c in r.Channels)
        {
            s.AppendLine($"  {c.Partner,-10} {c.Channel,-6} {(c.LastSuccessfulPoll is null ? "never" : time.Format(c.LastSuccessfulPoll)),-26} {c.FilesWaiting,4} {c.FilesInError30Days,4}  {(c.LastError is null ? string.Empty : $"{time.Format(c.LastErrorAt)}: {c.LastError}")}");
        }

        s.AppendLine();
        s.AppendLine("Orders by state:");
        foreach (var (state, count) in r.OrdersByState.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            s.AppendLine($"  {state,-22} {count,10}");
        }

        s.AppendLine();
        s.AppendLine($"Trading Partner Profiles past due (not handled within 3 business days): {r.OnboardingFormsPastDue}");
        s.AppendLine($"Evidence requests past due (not answered by the end of their due date): {r.EvidenceRequestsPastDue.Count}");
        foreach (var e in r.EvidenceRequestsPastDue)
        {
            s.AppendLine($"  #{e.Id,-6} {e.Partner,-10} {e.Kind} {e.Pon,-16} due {e.DueDate}");
        }

        s.AppendLine();
        s.AppendLine($"Pending expedite reviews: {r.PendingReviews.Count}");
        foreach (var p in r.PendingReviews)
        {
            var age = p.BusinessHours is { } hours ? $" ({hours:F1} business hours{(p.Overdue ? ", OVERDUE: more than one business day" : string.Empty)})" : string.Empty;
            s.AppendLine($"  {p.Partner,-10} {p.Pon,-16} VER {p.Ver} DDD {p.RequestedDate} SDD {p.StandardDate} since {time.Format(p.Since)}{age}");
        }

        s.AppendLine();
        var share = r.Csr.ShareWithin24h is { } v ? $"{v:P1}" : "n/a";
        s.AppendLine($"CSR requests, last 30 days: {r.Csr.Received30Days}, answered within 24 h: {r.Csr.AnsweredWithin24h30Days} ({share})");
        foreach (var w in r.Csr.Waiting)
        {
            s.AppendLine($"  waiting: {w.Partner} {w.File} since {time.Format(w.FirstSeen)} ({w.AgeHours} h)");
        }

        s.AppendLine();
        s.AppendLine($"Answers waiting for delivery: {r.WaitingDeliveries.Sum(w => w.Files)}");
        foreach (var w in r.WaitingDeliveries)
        {
            s.AppendLine($"  {w.Partner,-10} {w.Channel,-6} {w.Files,4}");
        }

        if (r.ActivatedAfterCancel.Count > 0)
        {
            s.AppendLine();
            s.AppendLine($"ActivatedAfterCancel: {r.ActivatedAfterCancel.Count} TN(s) activated in NPAC after their CANCEL was delivered; check NPAC by hand:");
            foreach (var a in r.ActivatedAfterCancel)
            {
                s.AppendLine($"  {a.Partner,-10} {a.Pon,-16} LSRNO {a.LsrNo} TN {a.Tn} activated for {a.Spid} at {time.Format(a.ActivatedAt)}");
            }
        }

        s.AppendLine();
        if (r.ReferenceData is { } data)
        {
            s.AppendLine($"Reference data loaded {time.Format(data.LoadedAt)} from:");
            foreach (var f in data.Files)
            {
                s.AppendLine($"  {ReferenceFileLine(f, time)}");
            }

            if (data.Error is not null)
            {
                s.AppendLine($"  newer files REFUSED at {time.Format(data.ErrorAt)}: {data.Error}");
            }
        }
        else
        {
            s.AppendLine("Reference data: no daemon has loaded any yet");
        }

        s.AppendLine();
        s.AppendLine(r.LastSweep is { } sw ? $"Last sweep: #{sw.Id} as of {time.Format(sw.AsOf)}: {sw.Expired} expired, {sw.Cancels} cancels" : "Last sweep: none");
        return s.ToString();
    }

    /// <summary>
    /// A reference file as the daemon recorded it ("name size modified", the time a stored UTC instant) with its
    /// modification time in the desk's zone, as every other time under the header.
    /// </summary>
    internal static string ReferenceFileLine(string stored, DeskTime time)
    {
        var last = stored.LastIndexOf(' ');
        return last < 0 ? stored : $"{stored[..last]} {time.Format(stored[(last + 1)..])}";
    }
}
