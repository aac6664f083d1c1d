using Dapper;
using Integra.Gateway.Portal.Disputes;
using Integra.Gateway.Storage.Queries;

namespace Integra.Gateway.Storage.Evidence;

/// <summary>
/// What the evidence package reads: the order's requests, answers and documents, the audit rows and the portal's
/// request files, on the unit of work the package reads the order's history on (<c>EvidencePackageBuilder</c>), without
/// holding a thread while the database answers: the package is built on the staff page's request.
/// </summary>
public sealed partial class EvidenceStore
{
    /// <summary>A row of the portal's audit trail (store text instant).</summary>
    public sealed record AuditRow(long Id, string At, string Actor, string? Partner, string Action, string Target, string Detail, string Address);

    /// <summary>A request file a portal form or upload became, with the hash taken when it was received.</summary>
    public sealed record SubmittedFile(long Id, string FileName, byte[] Content, string Sha256, string SubmittedBy, string ReceivedAt);

    /// <summary>Every audit row of <paramref name="partner"/> with target <paramref name="target"/>, oldest first.</summary>
    public async Task<IReadOnlyList<AuditRow>> AuditRowsAsync(string partner, string target, CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<AuditRow>(uow.Command(
                "SELECT id AS Id, at AS At, actor AS Actor, partner AS Partner, action AS Action, target AS Target, detail AS Detail, address AS Address FROM portal_audit WHERE partner = @partner AND target = @target ORDER BY id",
                new { partner, target },
                cancellationToken)).ConfigureAwait(false))
            .ToList();

    /// <summary>The portal submissions of <paramref name="partner"/> that became the request file <paramref name="fileName"/>, oldest first.</summary>
    public async Task<IReadOnlyList<SubmittedFile>> SubmittedAsync(string partner, string fileName, CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<SubmittedFile>(uow.Command(
                "SELECT id AS Id, file_name AS FileName, content AS Content, sha256 AS Sha256, submitted_by AS SubmittedBy, received_at AS ReceivedAt FROM portal_submissions WHERE partner = @partner AND file_name = @fileName ORDER BY id",
                new { partner, fileName },
                cancellationToken)).ConfigureAwait(false))
            .ToList();

    /// <summary>Every document of an order's requests, hash-checked, in the order they were received; those kept in a folder read from <paramref name="folder"/>.</summary>
    /// <exception cref="EvidenceIntegrityException">A document does not match its recorded hash.</exception>
    public async Task<IReadOnlyList<EvidenceFileContent>> FilesOfOrderAsync(long orderId, EvidenceFolder? folder, CancellationToken cancellationToken) =>
        (await uow.Connection.QueryAsync<ContentRow>(uow.Command(
                ContentColumns + " JOIN evidence_requests r ON r.id = a.request_id WHERE r.order_id = @orderId ORDER BY f.id",
                new { orderId },
                cancellationToken)).ConfigureAwait(false))
            .Select(row => Checked(row, folder))
            .ToList();
}
