using Dapper;
using Integra.Gateway.Portal.Disputes;

namespace Integra.Gateway.Storage.Evidence;

/// <summary>
/// What the evidence package reads: the order's requests, answers and documents, the audit rows and the portal's
/// request files. Synchronous, as the rest of the package's reads (<c>EvidencePackageBuilder</c>, on the unit of work it
/// reads the order's history on).
/// </summary>
public sealed partial class EvidenceStore
{
    /// <summary>A row of the portal's audit trail (store text instant).</summary>
    public sealed record AuditRow(long Id, string At, string Actor, string? Partner, string Action, string Target, string Detail, string Address);

    /// <summary>A request file a portal form or upload became, with the hash taken when it was received.</summary>
    public sealed record SubmittedFile(long Id, string FileName, byte[] Content, string Sha256, string SubmittedBy, string ReceivedAt);

    /// <summary>Every audit row of <paramref name="partner"/> with target <paramref name="target"/>, oldest first.</summary>
    public IReadOnlyList<AuditRow> AuditRows(string partner, string target) =>
        uow.Connection.Query<AuditRow>(
            "SELECT id AS Id, at AS At, actor AS Actor, partner AS Partner, action AS Action, target AS Target, detail AS Detail, address AS Address FROM portal_audit WHERE partner = @partner AND target = @target ORDER BY id",
            new { partner, target },
            uow.Transaction).ToList();

    /// <summary>The portal submissions of <paramref name="partner"/> that became the request file <paramref name="fileName"/>, oldest first.</summary>
    public IReadOnlyList<SubmittedFile> Submitted(string partner, string fileName) =>
        uow.Connection.Query<SubmittedFile>(
            "SELECT id AS Id, file_name AS FileName, content AS Content, sha256 AS Sha256, submitted_by AS SubmittedBy, received_at AS ReceivedAt FROM portal_submissions WHERE partner = @partner AND file_name = @fileName ORDER BY id",
            new { partner, fileName },
            uow.Transaction).ToList();

    /// <summary>The requests of one order, newest first (every partner's: the package is the desk's).</summary>
    public IReadOnlyList<EvidenceRequest> OfOrder(long orderId) =>
        uow.Connection.Query<RequestRow>($"SELECT {RequestColumns} FROM evidence_requests {OfOrderWhere}", new { orderId, partner = (string?)null }, uow.Transaction).Select(Request).ToList();

    /// <summary>The answers to a request, oldest first, with their documents' names, sizes and hashes.</summary>
    public IReadOnlyList<EvidenceAnswer> Answers(long requestId) =>
        Answers(
            uow.Connection.Query<AnswerRow>(AnswersSql, new { requestId, partner = (string?)null }, uow.Transaction),
            uow.Connection.Query<FileRow>(AnswerFilesSql, new { requestId, partner = (string?)null }, uow.Transaction).ToLookup(f => f.AnswerId));

    /// <summary>Every document of an order's requests, hash-checked, in the order they were received; those kept in a folder read from <paramref name="folder"/>.</summary>
    /// <exception cref="EvidenceIntegrityException">A document does not match its recorded hash.</exception>
    public IReadOnlyList<EvidenceFileContent> FilesOfOrder(long orderId, EvidenceFolder? folder) =>
        uow.Connection.Query<ContentRow>(
                ContentColumns + " JOIN evidence_requests r ON r.id = a.request_id WHERE r.order_id = @orderId ORDER BY f.id",
                new { orderId },
                uow.Transaction)
            .Select(row => Checked(row, folder))
            .ToList();
}
