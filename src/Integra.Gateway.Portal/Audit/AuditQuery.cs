using NodaTime;

namespace Integra.Gateway.Portal.Audit;

/// <summary>
/// Which audit entries a staff member asks for: each criterion is optional (null = any). <see cref="Actor"/> matches
/// case-insensitively, <see cref="Partner"/> and <see cref="Action"/> exactly. <see cref="From"/> and <see cref="To"/>
/// are UTC calendar days, both inclusive.
/// </summary>
public sealed record AuditFilter(string? Actor, string? Partner, string? Action, LocalDate? From, LocalDate? To)
{
    public static AuditFilter Any { get; } = new(null, null, null, null, null);
}

/// <summary>An audit entry with its store id, the key of the page's keyset paging (newest = highest id).</summary>
public sealed record AuditRow(long Id, AuditEntry Entry);
