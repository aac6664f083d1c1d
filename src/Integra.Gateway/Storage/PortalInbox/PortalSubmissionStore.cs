using Dapper;
using Integra.Gateway.Storage.Sessions;
using NodaTime;

namespace Integra.Gateway.Storage.PortalInbox;

/// <summary>
/// One portal submission as kept: the request file a form or an upload became, under the form id it was rendered
/// with. <see cref="AnsweredAt"/> is null until its answer is in the partner's inbox.
/// </summary>
public sealed record PortalSubmissionRecord(
    long Id,
    string Partner,
    string FormId,
    string FileName,
    byte[] Content,
    string Sha256,
    string? LoaName,
    byte[]? LoaContent,
    string SubmittedBy,
    Instant ReceivedAt,
    Instant? AnsweredAt);

/// <summary>
/// The portal's intake ledger (issue 17): a form id is one request per partner, whatever number of times its form
/// is posted, and a submission that a crash left unanswered is found again and finished from what was kept.
/// </summary>
public sealed class PortalSubmissionStore(IUnitOfWork uow)
{
    private const string Columns =
        "id AS Id, partner AS Partner, form_id AS FormId, file_name AS FileName, content AS Content, sha256 AS Sha256, loa_name AS LoaName, " +
        "loa_content AS LoaContent, submitted_by AS SubmittedBy, received_at AS ReceivedAt, answered_at AS AnsweredAt";

    /// <summary>
    /// The submission of this form: the one kept already (the same form posted again; <c>Created</c> false), else this
    /// file kept now with the current instant as its received time. Call inside a unit of work.
    /// </summary>
    public (PortalSubmissionRecord Record, bool Created) Claim(string partner, string formId, string fileName, byte[] content, string sha256, string? loaName, byte[]? loaContent, string submittedBy)
    {
        var created = uow.Connection.Execute(
            ClaimSql,
            new { partner, formId, fileName, content, sha256, loaName, loaContent, submittedBy, now = StoreFormats.Text(uow.Clock.GetCurrentInstant()) },
            uow.Transaction);
        return (Find(partner, formId)!, created == 1);
    }

    public PortalSubmissionRecord? Find(string partner, string formId) =>
        Read(uow.Connection.QueryFirstOrDefault<Row>(FindSql, new { partner, formId }, uow.Transaction));

    /// <inheritdoc cref="Claim"/>
    public async Task<(PortalSubmissionRecord Record, bool Created)> ClaimAsync(string partner, string formId, string fileName, byte[] content, string sha256, string? loaName, byte[]? loaContent, string submittedBy, CancellationToken cancellationToken)
    {
        var created = await uow.ExecuteAsync(
            ClaimSql,
            new { partner, formId, fileName, content, sha256, loaName, loaContent, submittedBy, now = StoreFormats.Text(uow.Clock.GetCurrentInstant()) },
            cancellationToken);
        return (Read(await uow.QueryFirstOrDefaultAsync<Row>(FindSql, new { partner, formId }, cancellationToken))!, created == 1);
    }

    /// <summary>The partner's latest submission of a request file of this name (the portal's copy of what was sent).</summary>
    public async Task<PortalSubmissionRecord?> ByFileNameAsync(string partner, string fileName, CancellationToken cancellationToken) =>
        Read(await uow.QueryFirstOrDefaultAsync<Row>(ByFileNameSql, new { partner, fileName }, cancellationToken));

    /// <summary>
    /// Whether one of the order's versions came from <paramref name="submittedBy"/>'s portal submissions: the same test
    /// as the inbox's for a user without VIEW (SPEC §7), so such a user reads of an order exactly what the inbox shows.
    /// </summary>
    public async Task<bool> SentAVersionOfAsync(string partner, long orderId, string submittedBy, CancellationToken cancellationToken) =>
        await uow.ExecuteScalarAsync<long>(SentAVersionOfSql, new { partner, orderId, submittedBy }, cancellationToken) > 0;

    private const string ByFileNameSql = $"SELECT {Columns} FROM portal_submissions WHERE partner = @partner AND file_name = @fileName ORDER BY id DESC LIMIT 1";

    private const string SentAVersionOfSql = """
        SELECT COUNT(*) FROM versions v JOIN portal_submissions s ON s.partner = @partner AND s.file_name = v.file_name
        WHERE v.order_id = @orderId AND v.channel = 'portal' AND s.submitted_by = @submittedBy
        """;

    /// <inheritdoc cref="MarkAnswered"/>
    public Task MarkAnsweredAsync(long id, CancellationToken cancellationToken) =>
        uow.ExecuteAsync(MarkAnsweredSql, new { id, now = StoreFormats.Text(uow.Clock.GetCurrentInstant()) }, cancellationToken);

    private const string ClaimSql = """
        INSERT INTO portal_submissions (partner, form_id, file_name, content, sha256, loa_name, loa_content, submitted_by, received_at)
        VALUES (@partner, @formId, @fileName, @content, @sha256, @loaName, @loaContent, @submittedBy, @now)
        ON CONFLICT (partner, form_id) DO NOTHING
        """;

    private const string FindSql = $"SELECT {Columns} FROM portal_submissions WHERE partner = @partner AND form_id = @formId";

    private const string MarkAnsweredSql = "UPDATE portal_submissions SET answered_at = @now WHERE id = @id AND answered_at IS NULL";

    public void MarkAnswered(long id) =>
        uow.Connection.Execute(
            MarkAnsweredSql,
            new { id, now = StoreFormats.Text(uow.Clock.GetCurrentInstant()) },
            uow.Transaction);

    private static PortalSubmissionRecord? Read(Row? r) =>
        r is null
            ? null
            : new PortalSubmissionRecord(r.Id, r.Partner, r.FormId, r.FileName, r.Content, r.Sha256, r.LoaName, r.LoaContent, r.SubmittedBy, StoreFormats.Instant(r.ReceivedAt), r.AnsweredAt is null ? null : StoreFormats.Instant(r.AnsweredAt));

    private sealed record Row(long Id, string Partner, string FormId, string FileName, byte[] Content, string Sha256, string? LoaName, byte[]? LoaContent, string SubmittedBy, string ReceivedAt, string? AnsweredAt);
}

/// <summary>The <see cref="PortalSubmissionStore"/> of a unit of work.</summary>
public static class PortalSubmissionStoreAccess
{
    extension(IUnitOfWork uow)
    {
        /// <summary>The portal's intake ledger.</summary>
        public PortalSubmissionStore PortalSubmissions => uow.Store(static u => new PortalSubmissionStore(u));
    }
}
