using System.Diagnostics.Metrics;
using Integra.Gateway.Hosting.Health;
using Integra.Gateway.Storage;
using Integra.Gateway.Storage.Queries;
using NodaTime;

namespace Integra.Gateway.Operations;

/// <summary>
/// The gauges to alert on (meter <c>Integra.Gateway</c>), read from the store at collection time on a read-only
/// connection (<see cref="OperationsView"/>), once per collection however many gauges ask. Documented in the README.
/// </summary>
public sealed class GatewayGauges
{
    private readonly string _database;
    private readonly Func<IReadOnlyList<ChannelExpectation>> _channels;
    private readonly DateTimeZone _deskZone;
    private readonly IClock _clock;
    private readonly Instant _started;
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;

    /// <param name="meters">Where the gauges are created.</param>
    /// <param name="database">The store (read-only here).</param>
    /// <param name="channels">The channels this daemon runs: one that never polled ages from the daemon's start.</param>
    /// <param name="deskZone">Where "today" of the day's counts begins.</param>
    /// <param name="clock">The clock of the ages.</param>
    public GatewayGauges(IMeterFactory meters, string database, Func<IReadOnlyList<ChannelExpectation>> channels, DateTimeZone deskZone, IClock clock)
    {
        _database = database;
        _channels = channels;
        _deskZone = deskZone;
        _clock = clock;
        _started = clock.GetCurrentInstant();
        var meter = meters.Create(GatewayMetrics.MeterName);
        meter.CreateObservableGauge("gateway.channel.last_good_poll.age", () => Read().PollAges, "s", "Seconds since the last successful poll, by partner and channel (since start when it never polled).");
        meter.CreateObservableGauge("gateway.files.waiting", () => Read().FilesWaiting, "{file}", "Files listed in a drop or mailbox and not yet answered, by partner and channel (0 for each channel run).");
        meter.CreateObservableGauge("gateway.deliveries.waiting", () => Read().DeliveriesWaiting, "{file}", "Response files waiting in the delivery outbox, by partner and channel.");
        meter.CreateObservableGauge("gateway.reviews.pending", () => Read().ReviewsPending, "{review}", "Expedite reviews (PND X01) waiting for the desk.");
        meter.CreateObservableGauge("gateway.reviews.oldest.age", () => Read().OldestReviewAge, "s", "Seconds the oldest pending expedite review has waited (0 when none).");
        meter.CreateObservableGauge("gateway.csr.oldest_unanswered.age", () => Read().OldestCsrAge, "s", "Seconds the oldest unanswered CSR file has waited since first seen (0 when none).");
        meter.CreateObservableGauge("gateway.onboarding.past_due", () => Read().ProfilesPastDue, "{form}", "Trading Partner Profiles not decided within 3 business days of receipt.");
        meter.CreateObservableGauge("gateway.build.info", () => new Measurement<long>(1, new KeyValuePair<string, object?>("version", GatewayMetrics.Version)), unit: null, "Always 1; the version of the running binary in its tag, to see an upgrade or a mixed cluster.");
        meter.CreateObservableGauge("gateway.disputes.past_due", () => Read().DisputesPastDue, "{request}", "Evidence requests the partner has not answered by the end of their due date (0 when none).");
        meter.CreateObservableGauge("gateway.store.size", () => Read().StoreBytes, "By", "The order store's size: SQLite page_count × page_size, PostgreSQL pg_database_size.");
        meter.CreateObservableGauge("gateway.files.today", () => Read().FilesToday, "{file}", "Files received today (the desk's day), by partner and channel, the mailbox included.");
    }

    private sealed record Snapshot(
        Instant TakenAt,
        IReadOnlyList<Measurement<double>> PollAges,
        IReadOnlyList<Measurement<long>> FilesWaiting,
        IReadOnlyList<Measurement<long>> DeliveriesWaiting,
        long ReviewsPending,
        double OldestReviewAge,
        double OldestCsrAge,
        IReadOnlyList<Measurement<long>> FilesToday,
        long ProfilesPastDue,
        long DisputesPastDue,
        long StoreBytes);

    private Snapshot Read()
    {
        lock (_gate)
        {
            var now = _clock.GetCurrentInstant();
            if (_snapshot is { } s && now >= s.TakenAt && now - s.TakenAt < Duration.FromSeconds(1))
            {
                return s;
            }

            using var view = OperationsView.Open(_database);
            _snapshot = Take(view, now);
            return _snapshot;
        }
    }

    private Snapshot Take(OperationsView view, Instant now)
    {
        static KeyValuePair<string, object?>[] Tags(string partner, string channel) => [new("partner", partner), new("channel", channel)];
        double Age(string? since) => since is null ? 0 : Math.Max(0, (now - StoreFormats.Instant(since)).TotalSeconds);

        var polls = view.ChannelPolls().ToDictionary(p => (p.Partner, p.Channel));
        var channels = _channels().Select(c => (c.Partner, c.Channel)).Union(polls.Keys).Distinct().ToList();

        // Every channel the daemon runs reports each count, 0 included: a series that vanishes at zero shows as
        // "No data" on a dashboard and cannot be told from a daemon that stopped reporting.
        List<Measurement<long>> Counts(IEnumerable<(string Partner, string Channel, long Count)> rows)
        {
            var counts = rows.ToDictionary(r => (r.Partner, r.Channel), r => r.Count);
            return channels.Union(counts.Keys)
                .Select(c => new Measurement<long>(counts.GetValueOrDefault(c), Tags(c.Partner, c.Channel)))
                .ToList();
        }

        var pollAges = channels
            .Select(c => new Measurement<double>(polls.GetValueOrDefault(c)?.LastOk is { } ok ? Age(ok) : (now - _started).TotalSeconds, Tags(c.Partner, c.Channel)))
            .ToList();
        var reviews = view.PendingReviews();
        var today = _deskZone.AtStartOfDay(now.InZone(_deskZone).Date).ToInstant();
        return new Snapshot(
            now,
            pollAges,
            Counts(view.FilesWaiting().Select(w => (w.Partner, w.Channel, w.Count))),
            Counts(view.DeliveriesWaiting().Select(w => (w.Partner, w.Channel, w.Count))),
            reviews.Count,
            reviews.Count == 0 ? 0 : Age(reviews[0].Since),
            Age(view.OldestWaitingCsr()),
            Counts(view.FilesReceivedSince(today).Select(w => (w.Partner, w.Channel, w.Count))),
            view.ProfilesPastDue(now),
            view.EvidencePastDue(now).Count,
            Storage.Retention.StoreSize.Read(_database));
    }
}
