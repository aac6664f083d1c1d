using System.Data.Common;
using Dapper;
using Integra.Gateway.Storage.Connections;
using Microsoft.Data.Sqlite;
using NodaTime;

using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.Queries;

/// <summary>
/// What health probes, <c>/metrics</c> and <c>status</c> read, on a connection of their own that only reads: a SQLite
/// store is opened read-only (it never takes the write lock, never migrates, never creates a missing file) and a
/// PostgreSQL session is read-only. A probe therefore never waits behind, nor blocks, the intake's writes.
/// </summary>
public sealed class OperationsView : IDisposable, IAsyncDisposable
{
    private readonly DbConnection _connection;

    private OperationsView(DbConnection connection) => _connection = connection;

    /// <summary>A channel's last successful poll and its last error (store text instants, null when never).</summary>
    public sealed record ChannelPoll(string Partner, string Channel, string? LastOk, string? LastError, string? LastErrorAt);

    /// <summary>A count per partner and channel, with the oldest item's store text instant.</summary>
    public sealed record Waiting(string Partner, string Channel, long Count, string? Oldest);

    /// <summary>An LSR order in PND X01 waiting for the desk; <see cref="Since"/> is when it went there.</summary>
    public sealed record PendingReview(string Partner, string Pon, string? Ver, string? RequestedDate, string? StandardDate, string Since);

    /// <summary>Opens the store at <paramref name="database"/> for reading.</summary>
    /// <exception cref="DbException">It cannot be opened (a SQLite file that is missing or unreadable, a server down).</exception>
    public static OperationsView Open(string database)
    {
        var location = StoreLocation.Parse(database);
        if (location.Provider == StoreProvider.Sqlite)
        {
            var sqlite = new SqliteConnection(ReadOnlySqlite(location));
            sqlite.Open();
            return new OperationsView(sqlite);
        }

        // A pooled connection of the store's read-only data source: cleared with the store's pool after a restart.
        return new OperationsView(new PostgresDialect(location.Value).OpenReadOnly());
    }

    /// <summary>
    /// <see cref="Open"/> for the health probes, which serve a request: the connection opened without holding a
    /// thread while a restarting server keeps it waiting.
    /// </summary>
    public static async Task<OperationsView> OpenAsync(string database, CancellationToken cancellationToken)
    {
        var location = StoreLocation.Parse(database);
        if (location.Provider == StoreProvider.Sqlite)
        {
            var sqlite = new SqliteConnection(ReadOnlySqlite(location));
            await sqlite.OpenAsync(cancellationToken).ConfigureAwait(false);
            return new OperationsView(sqlite);
        }

        return new OperationsView(await new PostgresDialect(location.Value).OpenReadOnlyAsync(cancellationToken).ConfigureAwait(false));
    }

    private static string ReadOnlySqlite(StoreLocation location) =>
        new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(location.Value), Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 5 }.ToString();

    /// <summary>Reads one row of a table every version of the schema has: the store is there and answers.</summary>
    public Task PingAsync(CancellationToken cancellationToken) =>
        _connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM (SELECT 1 FROM channel_polls LIMIT 1) AS one", cancellationToken: cancellationToken));

    public IReadOnlyList<ChannelPoll> ChannelPolls() => _connection.Query<ChannelPoll>(ChannelPollsSql).ToList();

    /// <inheritdoc cref="ChannelPolls"/>
    public async Task<IReadOnlyList<ChannelPoll>> ChannelPollsAsync(CancellationToken cancellationToken) =>
        (await _connection.QueryAsync<ChannelPoll>(new CommandDefinition(ChannelPollsSql, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();

    private const string ChannelPollsSql = "SELECT partner, channel, last_ok AS LastOk, last_error AS LastError, last_error_at AS LastErrorAt FROM channel_polls ORDER BY partner, channel";

    /// <summary>Files listed in a drop or mailbox and not yet answered.</summary>
    public IReadOnlyList<Waiting> FilesWaiting() =>
        Waitings(_connection.Query<(string, string, long, string?)>("SELECT partner, channel, COUNT(*), MIN(first_seen) FROM intake_sightings GROUP BY partner, channel ORDER BY partner, channel"));

    /// <summary>Response files in the outbox not yet delivered, per partner and channel (NPAC files excluded).</summary>
    public IReadOnlyList<Waiting> DeliveriesWaiting() =>
        Waitings(_connection.Query<(string, string, long, string?)>(DeliveriesWaitingSql, DeliveriesWaitingParameters));

    /// <inheritdoc cref="DeliveriesWaiting"/>
    public async Task<IReadOnlyList<Waiting>> DeliveriesWaitingAsync(CancellationToken cancellationToken) =>
        Waitings(await _connection.QueryAsync<(string, string, long, string?)>(new CommandDefinition(DeliveriesWaitingSql, DeliveriesWaitingParameters, cancellationToken: cancellationToken)).ConfigureAwait(false));

    private const string DeliveriesWaitingSql =
        """
        SELECT partner, COALESCE(channel, ''), COUNT(DISTINCT file_name), MIN(created_at)
        FROM outbox WHERE kind = @kind AND delivered_at IS NULL
        GROUP BY partner, COALESCE(channel, '') ORDER BY partner, COALESCE(channel, '')
        """;

    private static readonly object DeliveriesWaitingParameters = new { kind = StoredText.Of(Delivery.OutboxKind.Response) };

    /// <summary>Files first seen at or after <paramref name="since"/>, per partner and channel (answered or not).</summary>
    public IReadOnlyList<Waiting> FilesReceivedSince(Instant since) =>
        Waitings(_connection.Query<(string, string, long, string?)>(
            "SELECT partner, channel, COUNT(*), MIN(first_seen) FROM intake_files WHERE first_seen >= @since GROUP BY partner, channel ORDER BY partner, channel",
            new { since = StoreFormats.Text(since) }));

    /// <summary>LSR orders in PND X01, oldest first.</summary>
    public IReadOnlyList<PendingReview> PendingReviews() =>
        _connection.Query<PendingReview>(PendingReviewsSql, PendingReviewsParameters).ToList();

    /// <inheritdoc cref="PendingReviews()"/>
    public async Task<IReadOnlyList<PendingReview>> PendingReviewsAsync(CancellationToken cancellationToken) =>
        (await _connection.QueryAsync<PendingReview>(new CommandDefinition(PendingReviewsSql, PendingReviewsParameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();

    /// <summary>
    /// <see cref="PendingReviews()"/> on a unit of work, without holding a thread: for the review watch, which reads
    /// them every minute on the connection that holds its lease.
    /// </summary>
    public static async Task<IReadOnlyList<PendingReview>> PendingReviewsAsync(IUnitOfWork uow, CancellationToken cancellationToken) =>
        (await uow.QueryAsync<PendingReview>(PendingReviewsSql, PendingReviewsParameters, cancellationToken).ConfigureAwait(false)).ToList();

    private const string PendingReviewsSql =
        """
        SELECT partner, pon, pending_ver AS Ver, requested_date AS RequestedDate, standard_date AS StandardDate, updated_at AS Since
        FROM orders WHERE state = @state ORDER BY updated_at
        """;

    private static readonly object PendingReviewsParameters = new { state = StoredText.Of(Rules.Model.OrderState.PendingReview) };

    /// <summary>When the oldest CSR file still waiting for its answer was first seen; null when none waits.</summary>
    public string? OldestWaitingCsr() =>
        _connection.ExecuteScalar<string?>("SELECT MIN(first_seen) FROM intake_sightings WHERE lower(path) LIKE '%.csr.csv'");

    /// <summary>
    /// Trading Partner Profiles the desk has not decided by their due time (3 business days after receipt), for
    /// <c>status</c> and the gauge. Due times are compared as instants: their stored text has no fixed width.
    /// </summary>
    public long ProfilesPastDue(Instant now) =>
        _connection.Query<string>("SELECT due_at FROM portal_profiles WHERE state = @state", new { state = Portal.Onboarding.ProfileStates.Received })
            .LongCount(due => StoreFormats.Instant(due) < now);

    /// <summary>An evidence request the partner still owes past its due time (issue 27); times are store text.</summary>
    public sealed record PastDueEvidence(long Id, string Partner, string Kind, string Pon, string DueDate, string DueAt);

    /// <summary>Evidence requests open or rejected whose due time is before <paramref name="now"/>, oldest due first.</summary>
    public IReadOnlyList<PastDueEvidence> EvidencePastDue(Instant now) =>
        [.. _connection.Query<PastDueEvidence>(
                "SELECT id AS Id, partner AS Partner, kind AS Kind, pon AS Pon, due_date AS DueDate, due_at AS DueAt FROM evidence_requests WHERE state IN ('open', 'rejected')")
            .Where(r => StoreFormats.Instant(r.DueAt) <= now)
            .OrderBy(r => StoreFormats.Instant(r.DueAt))];

    /// <summary>When the last expiry sweep ran; null when none has.</summary>
    public Task<string?> LastSweepRunAtAsync(CancellationToken cancellationToken) =>
        _connection.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT run_at FROM sweeps ORDER BY id DESC LIMIT 1", cancellationToken: cancellationToken));

    public void Dispose() => _connection.Dispose();

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    // Tuples, not records: an aggregate column of SQLite has no declared type, which Dapper's record mapping refuses.
    private static List<Waiting> Waitings(IEnumerable<(string Partner, string Channel, long Count, string? Oldest)> rows) =>
        rows.Select(r => new Waiting(r.Partner, r.Channel, r.Count, r.Oldest)).ToList();
}
