using System.Text.Json;
using Integra.Gateway.Storage.Sessions;

namespace Integra.Gateway.Storage.PortalInbox;

/// <summary>
/// The inbox without holding a thread while the database answers, for the pages' reads, the submissions and the
/// deliveries of later answers; the same SQL as the sync ones.
/// </summary>
public sealed partial class PortalInboxStore
{
    /// <inheritdoc cref="Find"/>
    public async Task<PortalInboxEntry?> FindAsync(string partner, long id, string? submittedBy, CancellationToken cancellationToken) =>
        Read(await uow.QueryFirstOrDefaultAsync<Row>(FindSql(submittedBy), new { partner, id, submittedBy }, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc cref="Latest"/>
    public async Task<IReadOnlyList<PortalInboxEntry>> LatestAsync(string partner, int limit, string? submittedBy, CancellationToken cancellationToken) =>
        (await uow.QueryAsync<Row>(LatestSql(submittedBy), new { partner, limit, submittedBy }, cancellationToken).ConfigureAwait(false))
            .Select(r => Read(r)!)
            .ToList();

    /// <inheritdoc cref="PutAnswer"/>
    public Task<long> PutAnswerAsync(long submissionId, string partner, string fileName, byte[] content, IEnumerable<string[]> rows, CancellationToken cancellationToken) =>
        PutAsync("submission_id", submissionId, partner, fileName, content, rows, cancellationToken);

    /// <inheritdoc cref="PutLater"/>
    public Task<long> PutLaterAsync(long outboxId, string partner, string fileName, byte[] content, IEnumerable<string[]> rows, CancellationToken cancellationToken) =>
        PutAsync("outbox_id", outboxId, partner, fileName, content, rows, cancellationToken);

    /// <inheritdoc cref="OfSubmission"/>
    public async Task<PortalInboxEntry?> OfSubmissionAsync(string partner, long submissionId, CancellationToken cancellationToken) =>
        Read(await uow.QueryFirstOrDefaultAsync<Row>(OfSubmissionSql, new { partner, submissionId }, cancellationToken).ConfigureAwait(false));

    private async Task<long> PutAsync(string key, long keyValue, string partner, string fileName, byte[] content, IEnumerable<string[]> rows, CancellationToken cancellationToken) =>
        await uow.ExecuteScalarAsync<long>(
            PutSql(key),
            new { partner, fileName, content, cells = JsonSerializer.Serialize(rows.ToList()), now = StoreFormats.Text(uow.Clock.GetCurrentInstant()), keyValue },
            cancellationToken).ConfigureAwait(false);
}
