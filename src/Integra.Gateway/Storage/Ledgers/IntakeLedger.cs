using Dapper;
using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.Storage.Ledgers;

/// <summary>A ledger row: one upload of one file (partner + path + size + content hash).</summary>
public sealed record IntakeRecord(long Id, Instant FirstSeen, IntakeState State, bool FileRejected);

/// <summary>
/// The durable record that makes drops exactly-once: when a file was first listed (its received time), and how far
/// each upload got. A restart resumes each upload where it stopped instead of answering it again.
/// </summary>
public sealed class IntakeLedger(IUnitOfWork uow)
{
    /// <summary>The unit of work the ledger writes in, for callers that group ledger steps into one.</summary>
    public IUnitOfWork UnitOfWork => uow;

    /// <summary>When the gateway first listed this file; recorded now if this is the first listing.</summary>
    public async Task<Instant> SightedAsync(string partner, string channel, string path, CancellationToken cancellationToken)
    {
        var now = StoreFormats.Text(uow.Clock.GetCurrentInstant());
        var seen = await uow.ExecuteScalarAsync<string>(
            """
            INSERT INTO intake_sightings (partner, channel, path, first_seen) VALUES (@partner, @channel, @path, @now)
            ON CONFLICT (partner, channel, path) DO UPDATE SET first_seen = intake_sightings.first_seen RETURNING first_seen
            """,
            new { partner, channel, path, now },
            cancellationToken);
        return StoreFormats.Instant(seen!);
    }

    /// <summary>
    /// Records the first sighting of every listed file; returns each file's first-seen instant (a file sighted before
    /// keeps its first one). One statement for the whole listing, so a drop with a backlog of thousands costs one
    /// round trip a round, not one a file.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Instant>> SightedAsync(string partner, string channel, IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var names = paths.Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, Instant>(names.Count, StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return result;
        }

        // WHERE true: SQLite reads ON CONFLICT after a SELECT without WHERE as the start of a join clause.
        var rows = await uow.QueryAsync<(string Path, string FirstSeen)>(
            $"""
            INSERT INTO intake_sightings (partner, channel, path, first_seen)
            SELECT @partner, @channel, value, @now FROM {uow.Dialect.TextTable("@paths")} WHERE true
            ON CONFLICT (partner, channel, path) DO UPDATE SET first_seen = intake_sightings.first_seen
            RETURNING path, first_seen
            """,
            new { partner, channel, paths = uow.Dialect.TextList(names), now = StoreFormats.Text(uow.Clock.GetCurrentInstant()) },
            cancellationToken);
        foreach (var (path, firstSeen) in rows)
        {
            result[path] = StoreFormats.Instant(firstSeen);
        }

        return result;
    }

    /// <summary>
    /// The unfinished upload of a file. <c>state &lt;&gt; 'Archived'</c> is written as in the partial index
    /// intake_files_open (Schema), which SQLite uses only when the query repeats its condition word for word: the one
    /// state literal left in the SQL (a test holds it to <see cref="StoredText.Of(IntakeState)"/>).
    /// </summary>
    internal const string OpenUploadQuery = """
        SELECT id, first_seen, state, file_rejected FROM intake_files
        WHERE partner = @partner AND channel = @channel AND path = @path AND size = @size AND sha256 = @sha256 AND state <> 'Archived'
        ORDER BY id DESC LIMIT 1
        """;

    /// <summary>The unfinished upload with this identity, or a new one received at <paramref name="firstSeen"/>.</summary>
    public async Task<IntakeRecord> OpenAsync(string partner, string channel, string path, long size, string sha256, Instant firstSeen, CancellationToken cancellationToken)
    {
        var existing = await uow.QueryFirstOrDefaultAsync<(long Id, string FirstSeen, string State, long FileRejected)?>(
            OpenUploadQuery,
            new { partner, channel, path, size, sha256 },
            cancellationToken);
        if (existing is { } e)
        {
            return new IntakeRecord(e.Id, StoreFormats.Instant(e.FirstSeen), StoredText.IntakeState(e.State), e.FileRejected != 0);
        }

        var id = await uow.ExecuteScalarAsync<long>(
            """
            INSERT INTO intake_files (partner, channel, path, size, sha256, first_seen, state, updated_at)
            VALUES (@partner, @channel, @path, @size, @sha256, @firstSeen, @state, @now) RETURNING id
            """,
            new { partner, channel, path, size, sha256, firstSeen = StoreFormats.Text(firstSeen), state = StoredText.Of(IntakeState.Seen), now = StoreFormats.Text(uow.Clock.GetCurrentInstant()) },
            cancellationToken);
        return new IntakeRecord(id, firstSeen, IntakeState.Seen, false);
    }

    /// <summary>
    /// The right to poll this partner's channel now, or null while another gateway instance on the same database is
    /// polling it: two instances never take the same upload.
    /// </summary>
    public Task<IAsyncDisposable?> TryLeaseAsync(string partner, string channel, CancellationToken cancellationToken) =>
        uow.TryLeaseAsync($"intake:{partner}:{channel}", cancellationToken);

    /// <summary>Records the outcome of a poll of a channel, for <c>status</c> and health.</summary>
    public async Task RecordPollAsync(string partner, string channel, string? error, CancellationToken cancellationToken)
    {
        var now = StoreFormats.Text(uow.Clock.GetCurrentInstant());
        await uow.ExecuteAsync(
            error is null
                ? "INSERT INTO channel_polls (partner, channel, last_ok) VALUES (@partner, @channel, @now) ON CONFLICT (partner, channel) DO UPDATE SET last_ok = @now"
                : "INSERT INTO channel_polls (partner, channel, last_error, last_error_at) VALUES (@partner, @channel, @error, @now) ON CONFLICT (partner, channel) DO UPDATE SET last_error = @error, last_error_at = @now",
            new { partner, channel, error, now },
            cancellationToken);
    }

    public Task MarkAnsweredAsync(long id, string responseName, bool fileRejected, CancellationToken cancellationToken) =>
        uow.ExecuteAsync(
            "UPDATE intake_files SET state = @state, response_name = @responseName, file_rejected = @rejected, updated_at = @now WHERE id = @id",
            new { id, state = StoredText.Of(IntakeState.Answered), responseName, rejected = fileRejected ? 1 : 0, now = StoreFormats.Text(uow.Clock.GetCurrentInstant()) },
            cancellationToken);

    /// <summary>Done with the upload; the next file of that name is a new upload with a new received time.</summary>
    public async Task MarkArchivedAsync(long id, string partner, string channel, string path, CancellationToken cancellationToken)
    {
        var transaction = await uow.BeginAsync(cancellationToken);
        await using (transaction)
        {
            await uow.ExecuteAsync(
                "UPDATE intake_files SET state = @state, updated_at = @now WHERE id = @id",
                new { id, state = StoredText.Of(IntakeState.Archived), now = StoreFormats.Text(uow.Clock.GetCurrentInstant()) },
                cancellationToken);
            await uow.ExecuteAsync(
                "DELETE FROM intake_sightings WHERE partner = @partner AND channel = @channel AND path = @path",
                new { partner, channel, path },
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>The last successful poll of every channel that ever polled, by partner and channel.</summary>
    public IReadOnlyDictionary<(string Partner, string Channel), string?> LastSuccessfulPolls() =>
        uow.Connection.Query<(string Partner, string Channel, string? Ok)>("SELECT partner, channel, last_ok FROM channel_polls", transaction: uow.Transaction)
            .ToDictionary(p => (p.Partner, p.Channel), p => p.Ok);
}

/// <summary>The <see cref="IntakeLedger"/> of a unit of work.</summary>
public static class IntakeLedgerAccess
{
    extension(IUnitOfWork uow)
    {
        /// <summary>The intake ledger: sightings, uploads, polls and the drops' leases.</summary>
        public IntakeLedger Intake => uow.Store(static u => new IntakeLedger(u));
    }
}
