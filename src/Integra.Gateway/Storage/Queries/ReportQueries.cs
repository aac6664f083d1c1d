using Dapper;
using NodaTime;
using Integra.Gateway.Rules.Model;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.Queries;

/// <summary>
/// What the operations reports read on the unit of work's connection: <c>status</c> and the CSR SLA watch. Instants,
/// dates, kinds and states are typed; a channel here is the intake ledger's key (the mailbox polls as <c>mail</c>).
/// </summary>
public sealed partial class ReportQueries(IUnitOfWork uow)
{
    /// <summary>A channel's last successful poll and its last error; null when never.</summary>
    public sealed record PollRow(string Partner, string Channel, Instant? LastOk, string? LastError, Instant? LastErrorAt);

    /// <summary>A count per partner and channel.</summary>
    public sealed record ChannelCount(string Partner, string Channel, long Count);

    /// <summary>A count of orders per kind and state.</summary>
    public sealed record StateCount(OrderKind Kind, OrderState State, long Count);

    /// <summary>An LSR order in PND X01; <see cref="UpdatedAt"/> is when it went there.</summary>
    public sealed record ReviewRow(string Partner, string Pon, string? Ver, LocalDate? RequestedDate, LocalDate? StandardDate, Instant UpdatedAt);

    /// <summary>CSR requests received since a time, and how many of them were answered within a day.</summary>
    public sealed record CsrAnswers(long Received, long OnTime);

    /// <summary>The record of an expiry sweep.</summary>
    public sealed record SweepRow(long Id, Instant AsOf, Instant RunAt, long Expired, long Cancels);

    /// <summary>A file listed in a drop or mailbox and not yet answered, with when it was first seen.</summary>
    public sealed record SightingRow(string Partner, string Channel, string Path, Instant FirstSeen);

    // Tuples first, records after: an aggregate column of SQLite has no declared type, which Dapper's record mapping refuses.

    /// <summary>Every channel that ever polled, by partner and channel.</summary>
    public IReadOnlyList<PollRow> ChannelPollRows() =>
        uow.Connection.Query<(string Partner, string Channel, string? Ok, string? Error, string? ErrorAt)>(
            "SELECT partner, channel, last_ok, last_error, last_error_at FROM channel_polls ORDER BY partner, channel")
            .Select(r => new PollRow(r.Partner, r.Channel, InstantOrNull(r.Ok), r.Error, InstantOrNull(r.ErrorAt))).ToList();

    /// <summary>Files listed in a drop or mailbox and not yet answered, per partner and channel.</summary>
    public IReadOnlyList<ChannelCount> SightingsByChannel() =>
        uow.Connection.Query<(string Partner, string Channel, long Count)>(SightingsSql)
            .Select(r => new ChannelCount(r.Partner, r.Channel, r.Count)).ToList();

    // The SQL the sync reads (status) and the SLA board's async ones (ReportQueries.Async.cs) share.
    private const string SightingsSql = "SELECT partner, channel, COUNT(*) FROM intake_sightings GROUP BY partner, channel";

    private const string StatesSql = "SELECT kind, state, COUNT(*) FROM orders GROUP BY kind, state";

    /// <summary>Files rejected whole and first seen at or after <paramref name="since"/>, per partner and channel.</summary>
    public IReadOnlyList<ChannelCount> RejectedFilesByChannel(Instant since) =>
        uow.Connection.Query<(string Partner, string Channel, long Count)>(
            "SELECT partner, channel, COUNT(*) FROM intake_files WHERE file_rejected = 1 AND first_seen >= @since30 GROUP BY partner, channel",
            new { since30 = StoreFormats.Text(since) })
            .Select(r => new ChannelCount(r.Partner, r.Channel, r.Count)).ToList();

    /// <summary>Orders per kind and state.</summary>
    public IReadOnlyList<StateCount> OrdersByKindAndState() =>
        uow.Connection.Query<(string Kind, string State, long Count)>(StatesSql)
            .Select(r => new StateCount(StoredText.OrderKind(r.Kind), StoredText.OrderState(r.State), r.Count)).ToList();

    /// <summary>Orders in PND X01, oldest first.</summary>
    public IReadOnlyList<ReviewRow> PendingReviewRows() =>
        uow.Connection.Query<(string Partner, string Pon, string? Ver, string? Requested, string? Standard, string Updated)>(
            "SELECT partner, pon, pending_ver, requested_date, standard_date, updated_at FROM orders WHERE state = @state ORDER BY updated_at",
            new { state = StoredText.Of(OrderState.PendingReview) })
            .Select(r => new ReviewRow(r.Partner, r.Pon, r.Ver, StoreFormats.Date(r.Requested), StoreFormats.Date(r.Standard), StoreFormats.Instant(r.Updated))).ToList();

    /// <summary>CSR versions received at or after <paramref name="since"/>, and of those the ones decided within a day.</summary>
    public CsrAnswers CsrAnswersSince(Instant since)
    {
        var csr = uow.Connection.QuerySingle<(long Received, long OnTime)>(
            $"""
            SELECT COUNT(*), COALESCE(SUM(CASE WHEN {uow.Dialect.DaysBetween("v.decided_at", "v.received_at")} <= 1.0 THEN 1 ELSE 0 END), 0)
            FROM versions v JOIN orders o ON o.id = v.order_id
            WHERE o.kind = @csr AND v.received_at >= @since30
            """,
            new { since30 = StoreFormats.Text(since), csr = StoredText.Of(OrderKind.Csr) });
        return new CsrAnswers(csr.Received, csr.OnTime);
    }

    /// <summary>The last expiry sweep; null when none has run.</summary>
    public SweepRow? LastSweep()
    {
        var sweep = uow.Connection.QueryFirstOrDefault<(long Id, string AsOf, string RunAt, long Expired, long Cancels)?>(
            "SELECT id, as_of, run_at, expired, cancels FROM sweeps ORDER BY id DESC LIMIT 1");
        return sweep is { } s ? new SweepRow(s.Id, StoreFormats.Instant(s.AsOf), StoreFormats.Instant(s.RunAt), s.Expired, s.Cancels) : null;
    }

    /// <summary>CSR files listed in a drop and not yet answered (still sighted), oldest first.</summary>
    public IReadOnlyList<SightingRow> WaitingCsrSightings() =>
        uow.Connection.Query<(string Partner, string Channel, string Path, string FirstSeen)>(WaitingCsrSql)
            .Select(r => new SightingRow(r.Partner, r.Channel, r.Path, StoreFormats.Instant(r.FirstSeen))).ToList();

    private const string WaitingCsrSql = "SELECT partner, channel, path, first_seen FROM intake_sightings WHERE lower(path) LIKE '%.csr.csv' ORDER BY first_seen";

    private static Instant? InstantOrNull(string? text) => text is null ? null : StoreFormats.Instant(text);
}

/// <summary>The <see cref="ReportQueries"/> of a unit of work.</summary>
public static class ReportQueriesAccess
{
    extension(IUnitOfWork uow)
    {
        /// <summary>What <c>status</c> and the CSR SLA watch read.</summary>
        public ReportQueries Reports => uow.Store(static u => new ReportQueries(u));
    }
}
