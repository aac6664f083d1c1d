using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Outbox;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;
using Integra.Gateway.Storage.Snapshots;
using NodaTime;

namespace Integra.Gateway.Operations;

/// <summary>What <c>integra-gateway status</c> shows: channels, files, orders, reviews, the CSR SLA, the last sweep.</summary>
public sealed record StatusReport(
    string AsOf,
    IReadOnlyList<StatusReport.ChannelStatus> Channels,
    IReadOnlyDictionary<string, long> OrdersByState,
    IReadOnlyList<StatusReport.PendingReviewItem> PendingReviews,
    StatusReport.CsrSla Csr,
    StatusReport.SweepStatus? LastSweep)
{
    /// <summary>Trading Partner Profiles still in the portal's queue after their due time (issue 16).</summary>
    public long OnboardingFormsPastDue { get; init; }

    /// <summary>Evidence requests the partner has not answered by the end of their due date (issue 27), oldest due first.</summary>
    public IReadOnlyList<PastDueEvidence> EvidenceRequestsPastDue { get; init; } = [];

    /// <summary>An evidence request past due: its id, partner, order and due date (the end of that day in the desk's zone).</summary>
    public sealed record PastDueEvidence(long Id, string Partner, string Kind, string Pon, string DueDate);

    /// <summary>Answers recorded for delivery and not yet delivered, per partner and channel (issue 14).</summary>
    public IReadOnlyList<WaitingDelivery> WaitingDeliveries { get; init; } = [];

    /// <summary>The reference data snapshot the daemon decides with: load time, file versions, a refusal since.</summary>
    public ReferenceSnapshot? ReferenceData { get; init; }

    /// <summary>
    /// TNs activated in NPAC after Integra's CANCEL for them was delivered (SPEC §4, ActivatedAfterCancel), one per
    /// order and TN, newest first: the desk must check each in NPAC by hand.
    /// </summary>
    public IReadOnlyList<ActivatedAfterCancelRow> ActivatedAfterCancel { get; init; } = [];

    public sealed record WaitingDelivery(string Partner, string Channel, long Files);

    /// <param name="LoadedAt">When the daemon loaded the snapshot in use.</param>
    /// <param name="Files">Its files as name, size and modification time, one per entry.</param>
    /// <param name="Error">Why newer files were refused (file and line); null when none were.</param>
    /// <param name="ErrorAt">When they were refused.</param>
    public sealed record ReferenceSnapshot(string LoadedAt, IReadOnlyList<string> Files, string? Error, string? ErrorAt);

    public sealed record ChannelStatus(string Partner, string Channel, string? LastSuccessfulPoll, string? LastError, string? LastErrorAt, long FilesWaiting, long FilesInError30Days);

    /// <summary>
    /// An LSR in PND X01 since <c>Since</c>; <c>BusinessHours</c> is how long it has waited counting business days only
    /// (<see cref="BusinessAge"/>, null without a calendar) and <c>Overdue</c> says it waited more than one business day.
    /// </summary>
    public sealed record PendingReviewItem(string Partner, string Pon, string? Ver, string? RequestedDate, string? StandardDate, string Since, double? BusinessHours = null, bool Overdue = false);

    /// <param name="Received30Days">CSR requests received in the last 30 days.</param>
    /// <param name="AnsweredWithin24h30Days">Of those, answered within 24 hours.</param>
    /// <param name="ShareWithin24h">Answered within 24 hours, 0–1; null without requests.</param>
    /// <param name="Waiting">CSR files listed but not yet answered, oldest first, with their age in hours.</param>
    public sealed record CsrSla(long Received30Days, long AnsweredWithin24h30Days, double? ShareWithin24h, IReadOnlyList<WaitingCsr> Waiting);

    public sealed record WaitingCsr(string Partner, string File, string FirstSeen, double AgeHours);

    public sealed record SweepStatus(long Id, string AsOf, string RunAt, long Expired, long Cancels);

    /// <summary>Reads the report; every query uses an index or a small table, so it stays fast with a million orders.</summary>
    /// <remarks>With a business calendar, each review has its age in business hours, business days beginning and
    /// ending in the desk's zone (default America/Denver).</remarks>
    public static StatusReport Read(IUnitOfWork store, Instant now, Rules.Calendar.BusinessCalendar? calendar = null, DateTimeZone? deskZone = null)
    {
        var polls = store.Reports.ChannelPollRows();
        var waiting = store.Reports.SightingsByChannel().ToDictionary(r => (r.Partner, r.Channel), r => r.Count);
        var since30 = now - Duration.FromDays(30);
        var errors = store.Reports.RejectedFilesByChannel(since30).ToDictionary(r => (r.Partner, r.Channel), r => r.Count);
        var channels = polls.Select(p => new ChannelStatus(
            p.Partner, p.Channel, Text(p.LastOk), p.LastError, Text(p.LastErrorAt), waiting.GetValueOrDefault((p.Partner, p.Channel)), errors.GetValueOrDefault((p.Partner, p.Channel)))).ToList();

        var byState = store.Reports.OrdersByKindAndState()
            .ToDictionary(r => $"{StoredText.Of(r.Kind)}.{StoredText.Of(r.State)}", r => r.Count);
        var reviews = store.Reports.PendingReviewRows()
            .Select(r => Aged(new PendingReviewItem(r.Partner, r.Pon, r.Ver, StoreFormats.Text(r.RequestedDate), StoreFormats.Text(r.StandardDate), StoreFormats.Text(r.UpdatedAt)), calendar, deskZone ?? DateTimeZoneProviders.Tzdb["America/Denver"], now)).ToList();

        var csr = store.Reports.CsrAnswersSince(since30);
        var waitingCsr = CsrSlaMonitor.WaitingFiles(store)
            .Select(w => new WaitingCsr(w.Partner, w.Path, StoreFormats.Text(w.FirstSeen), Math.Round((now - w.FirstSeen).TotalHours, 1)))
            .ToList();

        var sweep = store.Reports.LastSweep();
        var deliveries = store.Outbox.WaitingByChannel()
            .Select(w => new WaitingDelivery(w.Key.Partner, w.Key.Channel, w.Value))
            .OrderBy(w => w.Partner, StringComparer.Ordinal).ThenBy(w => w.Channel, StringComparer.Ordinal)
            .ToList();
        var snapshot = store.ReferenceSnapshots.LatestReferenceSnapshot() is { } r
            ? new ReferenceSnapshot(r.LoadedAt, r.Files.Split('\n', StringSplitOptions.RemoveEmptyEntries), r.Error, r.ErrorAt)
            : null;
        return new StatusReport(
            StoreFormats.Text(now),
            channels,
            byState,
            reviews,
            new CsrSla(csr.Received, csr.OnTime, csr.Received == 0 ? null : Math.Round((double)csr.OnTime / csr.Received, 4), waitingCsr),
            sweep is { } s ? new SweepStatus(s.Id, StoreFormats.Text(s.AsOf), StoreFormats.Text(s.RunAt), s.Expired, s.Cancels) : null)
        {
            WaitingDeliveries = deliveries,
            ReferenceData = snapshot,
            ActivatedAfterCancel = store.Activations.ActivationsAfterCancel().DistinctBy(a => (a.Partner, a.Pon, a.Tn)).ToList(),
        };
    }

    private static string? Text(Instant? instant) => instant is { } i ? StoreFormats.Text(i) : null;

    private static PendingReviewItem Aged(PendingReviewItem item, Rules.Calendar.BusinessCalendar? calendar, DateTimeZone zone, Instant now)
    {
        if (calendar is null)
        {
            return item;
        }

        var age = BusinessAge.Between(calendar, zone, StoreFormats.Instant(item.Since), now);
        return item with { BusinessHours = Math.Round(age.TotalHours, 1), Overdue = age > BusinessAge.ReviewOverdue };
    }
}
