using System.Text.Json;
using Dapper;
using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.Storage.PortalInbox;

/// <summary>One answer in a partner's portal inbox: the response file exactly as the SFTP outbound folder would get it.</summary>
/// <param name="Id">The inbox entry (downloads name it).</param>
/// <param name="Partner">Whose inbox.</param>
/// <param name="FileName">The response file's name (<c>*.resp.csv</c>).</param>
/// <param name="Content">The file's bytes (the response writer's, as every channel writes them).</param>
/// <param name="Rows">Its rows, cells in the contract's column order, for the pages.</param>
/// <param name="DeliveredAt">When it reached the inbox.</param>
public sealed record PortalInboxEntry(long Id, string Partner, string FileName, byte[] Content, IReadOnlyList<string[]> Rows, Instant DeliveredAt);

/// <summary>
/// The portal's outbound place (SPEC §5 "portal inbox"): each answer is one entry keyed by where it came from (the
/// submission it answers, or the outbox file of a later answer), so delivering it again after a crash replaces it.
/// Every read takes the partner: no query returns another partner's answer.
/// </summary>
public sealed partial class PortalInboxStore(IUnitOfWork uow)
{
    private const string Columns = "id AS Id, partner AS Partner, file_name AS FileName, content AS Content, cells AS Cells, delivered_at AS DeliveredAt";

    /// <summary>Puts the answer of a portal submission into its partner's inbox; returns the entry's id.</summary>
    public long PutAnswer(long submissionId, string partner, string fileName, byte[] content, IEnumerable<string[]> rows) =>
        Put("submission_id", submissionId, partner, fileName, content, rows);

    /// <summary>Puts a later answer (an outbox file, named by its first row's id) into its partner's inbox; returns the entry's id.</summary>
    public long PutLater(long outboxId, string partner, string fileName, byte[] content, IEnumerable<string[]> rows) =>
        Put("outbox_id", outboxId, partner, fileName, content, rows);

    /// <summary>The inbox entry holding a submission's answer, or null while it has none.</summary>
    public PortalInboxEntry? OfSubmission(string partner, long submissionId) =>
        Read(uow.Connection.QueryFirstOrDefault<Row>(OfSubmissionSql, new { partner, submissionId }, uow.Transaction));

    private const string OfSubmissionSql = $"SELECT {Columns} FROM portal_inbox WHERE partner = @partner AND submission_id = @submissionId";

    /// <summary>One of the partner's answers; with <paramref name="submittedBy"/>, only if it answers that user's requests (see <see cref="Latest"/>).</summary>
    public PortalInboxEntry? Find(string partner, long id, string? submittedBy = null) =>
        Read(uow.Connection.QueryFirstOrDefault<Row>(FindSql(submittedBy), new { partner, id, submittedBy }, uow.Transaction));

    // The SQL the sync reads and the pages' async ones (PortalInboxStore.Async.cs) share.
    private static string FindSql(string? submittedBy) =>
        $"SELECT {Columns} FROM portal_inbox WHERE partner = @partner AND id = @id{(submittedBy is null ? string.Empty : OfSubmitter)}";

    private static string LatestSql(string? submittedBy) =>
        $"SELECT {Columns} FROM portal_inbox WHERE partner = @partner{(submittedBy is null ? string.Empty : OfSubmitter)} ORDER BY id DESC LIMIT @limit";

    /// <summary>
    /// The partner's latest answers, newest first. With <paramref name="submittedBy"/> (SPEC §7: a user without VIEW),
    /// only the answers to requests that user sent through the portal: the submission's own answer, and later answers
    /// (review FOC, sweep CAN, closure) to an order one of whose versions came from that user's submissions.
    /// </summary>
    public IReadOnlyList<PortalInboxEntry> Latest(string partner, int limit, string? submittedBy = null) =>
        uow.Connection.Query<Row>(LatestSql(submittedBy), new { partner, limit, submittedBy }, uow.Transaction)
            .Select(r => Read(r)!)
            .ToList();

    // A version names the request file it came in; a portal submission is that file, with who sent it.
    private const string OfSubmitter = """
         AND (submission_id IN (SELECT s.id FROM portal_submissions s WHERE s.partner = @partner AND s.submitted_by = @submittedBy)
          OR outbox_id IN (SELECT o.id FROM outbox o JOIN versions v ON v.order_id = o.order_id
                           JOIN portal_submissions s ON s.partner = @partner AND s.file_name = v.file_name
                           WHERE o.partner = @partner AND v.channel IN ('portal', 'api') AND s.submitted_by = @submittedBy))
        """;

    private long Put(string key, long keyValue, string partner, string fileName, byte[] content, IEnumerable<string[]> rows)
    {
        return uow.Connection.ExecuteScalar<long>(
            PutSql(key),
            new { partner, fileName, content, cells = JsonSerializer.Serialize(rows.ToList()), now = StoreFormats.Text(uow.Clock.GetCurrentInstant()), keyValue },
            uow.Transaction);
    }

    // The key column is one of two fixed names (never input), so the statement is one of two constant texts.
    private static string PutSql(string key) => $"""
        INSERT INTO portal_inbox (partner, file_name, content, cells, delivered_at, {key})
        VALUES (@partner, @fileName, @content, @cells, @now, @keyValue)
        ON CONFLICT ({key}) DO UPDATE SET file_name = @fileName, content = @content, cells = @cells
        RETURNING id
        """;

    private static PortalInboxEntry? Read(Row? r) =>
        r is null ? null : new PortalInboxEntry(r.Id, r.Partner, r.FileName, r.Content, JsonSerializer.Deserialize<List<string[]>>(r.Cells)!, StoreFormats.Instant(r.DeliveredAt));

    private sealed record Row(long Id, string Partner, string FileName, byte[] Content, string Cells, string DeliveredAt);
}

/// <summary>The <see cref="PortalInboxStore"/> of a unit of work.</summary>
public static class PortalInboxStoreAccess
{
    extension(IUnitOfWork uow)
    {
        /// <summary>The partners' portal inboxes.</summary>
        public PortalInboxStore PortalInbox => uow.Store(static u => new PortalInboxStore(u));
    }
}
