using Dapper;
using NodaTime;

namespace Integra.Gateway.Storage.Evidence;

/// <summary>What the evidence package reads beside the order store: the audit rows and the portal's request files.</summary>
public sealed partial class EvidenceStore
{
    /// <summary>A row of the portal's audit trail (store text instant).</summary>
    public sealed record AuditRow(long Id, string At, string Actor, string? Partner, string Action, string Target, string Detail, string Address);

    /// <summary>A request file a portal form or upload became, with the hash taken when it was received.</summary>
    public sealed record SubmittedFile(long Id, string FileName, byte[] Content, string Sha256, string SubmittedBy, string ReceivedAt);

    /// <summary>Every audit row of <paramref name="partner"/> with target <paramref name="target"/>, oldest first.</summary>
    public IReadOnlyList<AuditRow> AuditRows(string partner, string target)
    {
        using var connection = _dialect.Open();
        return connection.Query<AuditRow>(
            "SELECT id AS Id, at AS At, actor AS Actor, partner AS Partner, action AS Action, target AS Target, detail AS Detail, address AS Address FROM portal_audit WHERE partner = @partner AND target = @target ORDER BY id",
            new { partner, target }).ToList();
    }

    /// <summary>The portal submissions of <paramref name="partner"/> that became the request file <paramref name="fileName"/>, oldest first.</summary>
    public IReadOnlyList<SubmittedFile> Submitted(string partner, string fileName)
    {
        using var connection = _dialect.Open();
        return connection.Query<SubmittedFile>(
            "SELECT id AS Id, file_name AS FileName, content AS Content, sha256 AS Sha256, submitted_by AS SubmittedBy, received_at AS ReceivedAt FROM portal_submissions WHERE partner = @partner AND file_name = @fileName ORDER BY id",
            new { partner, fileName }).ToList();
    }

    /// <summary>The order ids of a PON for one partner (one per kind and CCNA).</summary>
    public IReadOnlyList<long> OrdersOf(string partner, string pon)
    {
        using var connection = _dialect.Open();
        return connection.Query<long>("SELECT id FROM orders WHERE partner = @partner AND pon = @pon ORDER BY id", new { partner, pon }).ToList();
    }

    public IReadOnlyList<Portal.Disputes.EvidenceRequest> PastDue(Instant now) =>
        [.. Requests("WHERE state IN ('open', 'rejected') ORDER BY id", new { }).Where(r => r.PastDue(now)).OrderBy(r => r.DueAt)];
}
