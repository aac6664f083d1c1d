using System.Globalization;
using Integra.Gateway.Portal.Audit;
using NodaTime;

namespace Integra.Gateway.Storage.PortalAccounts;

/// <summary>The audit trail: every administrator action and sign-in, read newest first.</summary>
public sealed partial class PortalStore
{
    private const string AddAuditSql =
        "INSERT INTO portal_audit (at, actor, partner, action, target, detail, address) VALUES (@at, @Actor, @Partner, @Action, @Target, @Detail, @Address)";

    public Task<IReadOnlyList<AuditEntry>> AuditAsync(string? partner, int limit, CancellationToken cancellationToken) =>
        QueryAsync<AuditRecord, AuditEntry>(
            "portal: audit",
            "SELECT id, at, actor, partner, action, target, detail, address FROM portal_audit WHERE (@partner IS NULL OR partner = @partner) ORDER BY id DESC LIMIT @limit",
            new { partner, limit = (long)limit },
            r => r.Entry,
            cancellationToken);

    public Task<IReadOnlyList<AuditRow>> AuditPageAsync(AuditFilter filter, long? before, int limit, CancellationToken cancellationToken)
    {
        // Days compare as text against the stored ISO instants: "2026-12-06" sorts before every instant of that day
        // and after every instant of the day before, whatever the fraction of a second. The day after To is the
        // exclusive end; To = 9999-12-31 has none, so it is no bound.
        var from = filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var until = filter.To is { } to && to < LocalDate.MaxIsoValue ? to.PlusDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        return QueryAsync<AuditRecord, AuditRow>(
            "portal: audit page",
            """
            SELECT id, at, actor, partner, action, target, detail, address FROM portal_audit
            WHERE (@before IS NULL OR id < @before)
              AND (@actor IS NULL OR lower(actor) = lower(@actor))
              AND (@partner IS NULL OR partner = @partner)
              AND (@action IS NULL OR action = @action)
              AND (@from IS NULL OR at >= @from)
              AND (@until IS NULL OR at < @until)
            ORDER BY id DESC LIMIT @limit
            """,
            new { before, actor = filter.Actor, partner = filter.Partner, action = filter.Action, from, until, limit = (long)limit },
            r => new AuditRow(r.Id, r.Entry),
            cancellationToken);
    }

    private static object AuditParameters(AuditEntry entry) =>
        new { at = Text(entry.At), entry.Actor, entry.Partner, entry.Action, entry.Target, entry.Detail, entry.Address };
}
