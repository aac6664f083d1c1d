using Integra.Gateway.Configuration;
using Integra.Gateway.Operations;
using Integra.Gateway.Portal.Desk;
using Integra.Gateway.Processing;
using Integra.Gateway.Reference;
using Integra.Gateway.Rules.Calendar;
using Integra.Gateway.Rules.Policy;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Orders;
using Integra.Gateway.Storage.Outbox;
using Integra.Gateway.Storage.Queries;
using Integra.Gateway.Storage.Sessions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Integra.Gateway.PortalHosting;

/// <summary>
/// The desk's reviews and the SLA board's figures, over the order store and the rules. A decision goes through
/// <see cref="ExpediteReview"/>, the same code as the command line's <c>review</c>; the board reuses the queries of
/// <c>status</c> and the gauges. Each call opens a store of its own (a pooled connection) and closes it; a transient
/// failure is tried again on a fresh one (<see cref="UnitOfWorkFactory.RunAsync{T}"/>).
/// </summary>
public sealed class DeskViews(UnitOfWorkFactory stores, ReferenceDataSource data, PolicyOptions policy, IClock clock, IOptions<OperationsSettings> operations) : IDeskViews
{
    private static readonly Duration Period = Duration.FromDays(30);

    /// <summary>The desk's zone (<c>Operations:TimeZone</c>): where its business days begin and end.</summary>
    private DateTimeZone DeskZone => DateTimeZoneProviders.Tzdb.GetZoneOrNull(operations.Value.TimeZone) ?? DateTimeZoneProviders.Tzdb["America/Denver"];

    public Task<IReadOnlyList<PendingReviewView>> PendingReviewsAsync(CancellationToken cancellationToken) =>
        stores.RunAsync("desk reviews page", PendingReviewsAsync, cancellationToken);

    public Task<ReviewResult> DecideAsync(ReviewRequest request, CancellationToken cancellationToken) =>
        stores.RunAsync("desk decision", (store, token) => DecideAsync(store, request, token), cancellationToken);

    public Task<SlaFigures> SlaFiguresAsync(CancellationToken cancellationToken) => stores.RunAsync("SLA board", SlaFiguresAsync, cancellationToken);

    private async Task<IReadOnlyList<PendingReviewView>> PendingReviewsAsync(IUnitOfWork store, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var reference = data.Current;
        var review = new ExpediteReview(reference, policy, store);
        var views = new List<PendingReviewView>();
        foreach (var p in await store.Desk.PendingReviewOrdersAsync(cancellationToken))
        {
            var order = p.Order;
            var version = (await store.Orders.VersionAsync(order.Id, order.PendingVer!, cancellationToken))!;
            var tns = await store.Orders.TnsAsync(order.Id, cancellationToken);
            var origin = await store.Origins.OriginOfAsync(order.Id, cancellationToken);
            var pending = review.Pending(order);
            var since = p.Since;
            var age = BusinessAge.Between(reference.Calendar, DeskZone, since, now);
            views.Add(new PendingReviewView(
                order.Partner,
                order.Pon,
                version.Ver,
                order.Ccna,
                tns.Select(t => $"{t.Tn} {StoredText.Of(t.Lna)}").ToList(),
                version.ReceivedAt,
                DueDates.EffectiveReceivedDate(version.ReceivedAt.InZone(pending.Zone).LocalDateTime, PortKind.Cutoff(pending.Simple, policy), reference.Calendar),
                pending.RequestedDate,
                pending.StandardDueDate,
                review.EarliestApproval(order, now),
                origin.Channel,
                since,
                Math.Round(age.TotalHours, 1),
                age > BusinessAge.ReviewOverdue));
        }

        return views;
    }

    private async Task<ReviewResult> DecideAsync(IUnitOfWork store, ReviewRequest request, CancellationToken cancellationToken)
    {
        var outcome = await new ExpediteReview(data.Current, policy, store)
            .ReviewAsync(request.Partner, request.Pon, request.Approve, request.DueDate, clock.GetCurrentInstant(), cancellationToken, request.Reviewer, request.Ver);
        return outcome.Status switch
        {
            ReviewStatus.Decided => new ReviewResult(ReviewResultStatus.Decided, outcome.Answer!.FocDate, outcome.Answer.Channel, outcome.Answer.FileName, string.Empty),
            ReviewStatus.Refused => new ReviewResult(ReviewResultStatus.Refused, null, null, string.Empty, outcome.Problem),
            _ => new ReviewResult(ReviewResultStatus.AlreadyDecided, null, null, string.Empty, outcome.Problem),
        };
    }

    private async Task<SlaFigures> SlaFiguresAsync(IUnitOfWork store, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var since = now - Period;
        var csr = (await store.Desk.CsrAnswersByPartnerSinceAsync(since, cancellationToken)).Select(c => new CsrSlaShare(c.Partner, c.Received, c.OnTime)).ToList();
        var states = (await store.Reports.OrdersByKindAndStateAsync(cancellationToken))
            .Select(s => (Kind: StoredText.Of(s.Kind), State: StoredText.Of(s.State), s.Count))
            .OrderBy(s => s.Kind, StringComparer.Ordinal).ThenBy(s => s.State, StringComparer.Ordinal)
            .Select(s => new Count($"{s.Kind} {Portal.Tracking.OrderText.State(StoredText.OrderState(s.State))}", s.Count)).ToList();
        var rejected = await store.Desk.RejectedVersionsSinceAsync(since, cancellationToken);
        var byCode = rejected
            .SelectMany(r => r.Codes.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(code => (Code: code, r.Count)))
            .GroupBy(r => r.Code, StringComparer.Ordinal)
            .Select(g => new Count(g.Key, g.Sum(r => r.Count)))
            .OrderByDescending(c => c.Value).ThenBy(c => c.Label, StringComparer.Ordinal).ToList();
        var byPartner = rejected
            .GroupBy(r => r.Partner, StringComparer.Ordinal)
            .Select(g => new Count(g.Key, g.Sum(r => r.Count)))
            .OrderByDescending(c => c.Value).ThenBy(c => c.Label, StringComparer.Ordinal).ToList();
        var filesWaiting = PerChannel((await store.Reports.SightingsByChannelAsync(cancellationToken)).Select(s => (s.Channel, s.Count)));

        // The outbox's and the activations' counts are still read sync: their stores are shared with the daemon's
        // delivery and import, and get async reads of their own later (issue 25 item 3).
        var answersWaiting = PerChannel(store.Outbox.WaitingByChannel().Select(w => (w.Key.Channel, w.Value)));
        var afterCancel = store.Activations.ActivationsAfterCancel()
            .DistinctBy(a => (a.Partner, a.Pon, a.Tn))
            .Select(a => $"{a.Partner} PON {a.Pon} (LSRNO {a.LsrNo}): TN {a.Tn} activated for {a.Spid} at {a.ActivatedAt}, after its NPAC CANCEL was delivered")
            .ToList();
        return new SlaFigures(now, csr, states, byCode, byPartner, filesWaiting, answersWaiting) { ActivatedAfterCancel = afterCancel };
    }

    private static List<Count> PerChannel(IEnumerable<(string Channel, long Count)> rows) =>
        rows.GroupBy(r => r.Channel, StringComparer.Ordinal)
            .Select(g => new Count(g.Key, g.Sum(r => r.Count)))
            .OrderBy(c => c.Label, StringComparer.Ordinal).ToList();
}
