using System.Globalization;
using System.Text.Json;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Webhooks;
using NodaTime.Text;

namespace Integra.Gateway.Webhooks;

/// <summary>
/// What the store recorded, as webhook events, each with an id derived from the row it comes from, so reading the
/// same rows again (after a crash before the feed's commit) gives the same events:
/// <list type="bullet">
/// <item><c>evt_f{file}_{n}</c>: answer, the rows of the n-th order of a response file (<c>response_files</c>); a
/// file-level reject (no PON) is one event with order null.</item>
/// <item><c>evt_o{first row}</c>: answer, one later answer file's rows for one order (<c>outbox</c>, kind RESPONSE).</item>
/// <item><c>evt_e{row}</c>: order.completed / expired / closed / canceled (<c>order_events</c>).</item>
/// <item><c>evt_r{request}</c>: evidence.requested (<c>evidence_requests</c>).</item>
/// </list>
/// </summary>
public static class WebhookEvents
{
    private const int Ccna = 1, Pon = 2, Ver = 3, LsrNo = 4;

    public static IEnumerable<NewWebhookEvent> Of(KeptResponseFile file)
    {
        var rows = JsonSerializer.Deserialize<List<string[]>>(file.Cells) ?? [];
        var at = Instant(file.CreatedAt);
        var n = 0;
        foreach (var order in rows.GroupBy(r => (Ccna: r[Ccna].ToUpperInvariant(), Pon: r[Pon])))
        {
            var id = $"evt_f{file.Id}_{++n}";
            var first = order.First();
            var about = order.Key.Pon.Length == 0 ? null : new WebhookOrder(file.Kind ?? "LSR", order.Key.Ccna, order.Key.Pon, first[Ver], first[LsrNo]);
            yield return new NewWebhookEvent(id, file.Partner, WebhookEventType.Answer.Text(), order.Key.Pon, at, WebhookPayload.Write(id, WebhookEventType.Answer, at, file.Partner, about, order.ToList()));
        }
    }

    /// <summary>
    /// One event per run of answer rows of the same file and order (NPAC lines in the outbox are skipped). A page of
    /// rows can end inside such a run: with <paramref name="pageFull"/> the last run is left for the next page (unless
    /// it fills the whole page), and the position returned is that of the last row taken, answer or not.
    /// </summary>
    public static (List<NewWebhookEvent> Events, FeedPosition? Last) Of(IReadOnlyList<OutboxAnswerRow> rows, bool pageFull)
    {
        var runs = new List<List<OutboxAnswerRow>>();
        foreach (var row in rows.Where(r => r.Wanted))
        {
            if (runs.Count > 0 && runs[^1][0] is var head && head.Partner == row.Partner && head.FileName == row.FileName && head.OrderId == row.OrderId)
            {
                runs[^1].Add(row);
            }
            else
            {
                runs.Add([row]);
            }
        }

        var taken = rows.Count;
        if (pageFull && runs.Count > 0 && runs[^1][0] != rows[0])
        {
            var left = runs[^1][0];
            runs.RemoveAt(runs.Count - 1);
            taken = rows.ToList().IndexOf(left);
        }

        var events = runs.Select(run =>
        {
            var head = run[0];
            var id = $"evt_o{head.Id}";
            var cells = run.Select(r => JsonSerializer.Deserialize<string[]>(r.Cells)!).ToList();
            var at = Instant(head.CreatedAt);
            var pon = head.Pon ?? cells[0][Pon];
            var order = new WebhookOrder(head.Kind ?? "LSR", head.Ccna ?? cells[0][Ccna].ToUpperInvariant(), pon, cells[0][Ver], cells[0][LsrNo]);
            return new NewWebhookEvent(id, head.Partner, WebhookEventType.Answer.Text(), pon, at, WebhookPayload.Write(id, WebhookEventType.Answer, at, head.Partner, order, cells));
        }).ToList();
        return (events, taken == 0 ? null : rows[taken - 1].At);
    }

    public static NewWebhookEvent Of(OrderEventRow e)
    {
        var id = $"evt_e{e.Id}";
        var type = WebhookEventTypes.OfState(e.State);
        var at = Instant(e.OccurredAt);
        var order = new WebhookOrder(e.Kind, e.Ccna, e.Pon, e.Ver ?? string.Empty, e.LsrNo ?? string.Empty, e.State);
        return new NewWebhookEvent(id, e.Partner, type.Text(), e.Pon, at, WebhookPayload.Write(id, type, at, e.Partner, order, []));
    }

    public static NewWebhookEvent Of(EvidenceRequestRow r)
    {
        var id = $"evt_r{r.Id.ToString(CultureInfo.InvariantCulture)}";
        var at = Instant(r.OpenedAt);
        var tns = JsonSerializer.Deserialize<List<string>>(r.Tns) ?? [];
        var order = new WebhookOrder(r.Kind, r.Ccna ?? string.Empty, r.Pon, string.Empty, string.Empty);
        var evidence = new WebhookEvidence(r.Id, r.Reason, tns, r.DueDate);
        return new NewWebhookEvent(id, r.Partner, WebhookEventType.EvidenceRequested.Text(), r.Pon, at, WebhookPayload.Write(id, WebhookEventType.EvidenceRequested, at, r.Partner, order, [], evidence));
    }

    private static NodaTime.Instant Instant(string text) => InstantPattern.ExtendedIso.Parse(text).Value;
}
