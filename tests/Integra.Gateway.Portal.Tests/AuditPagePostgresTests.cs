using Integra.Gateway.Portal.Audit;
using Integra.Gateway.Tests.Servers;
using NodaTime;

namespace Integra.Gateway.Portal.Tests;

/// <summary>The audit page's query on PostgreSQL: the same filters and keyset as on SQLite (see AuditPageTests).</summary>
[Collection(Postgres.Name)]
public sealed class AuditPagePostgresTests(PostgresFixture pg)
{
    [SkippableFact]
    public async Task The_audit_page_query_filters_and_pages_on_PostgreSQL()
    {
        await using var portal = await PortalHarness.StartAsync(pg.NewDatabase());
        var store = portal.Store;
        await store.AddAuditAsync(new AuditEntry(new DateTimeOffset(2026, 3, 1, 23, 59, 59, 999, TimeSpan.Zero), "Ann@acme.example", "ACME", "user-created", "a", "", "127.0.0.1"), default);
        await store.AddAuditAsync(new AuditEntry(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), "ann@acme.example", "ACME", "user-disabled", "b", "", "127.0.0.1"), default);
        await store.AddAuditAsync(new AuditEntry(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), "bob@bigsky.example", "BIGSKY", "user-created", "c", "", "127.0.0.1"), default);
        await store.AddAuditAsync(new AuditEntry(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero), "ann@acme.example", "ACME", "user-created", "d", "", "127.0.0.1"), default);

        async Task<string[]> Targets(AuditFilter filter, long? before = null, int limit = 100) =>
            (await store.AuditPageAsync(filter, before, limit, default)).Select(r => r.Entry.Target).ToArray();

        Assert.Equal(["d", "b", "a"], await Targets(AuditFilter.Any with { Actor = "ANN@acme.example" }));
        Assert.Equal(["c"], await Targets(AuditFilter.Any with { Partner = "BIGSKY" }));
        Assert.Equal(["d", "a"], await Targets(AuditFilter.Any with { Partner = "ACME", Action = "user-created" }));
        Assert.Equal(["c", "b"], await Targets(AuditFilter.Any with { From = new LocalDate(2026, 3, 2), To = new LocalDate(2026, 3, 2) }));
        Assert.Equal(["d"], await Targets(AuditFilter.Any with { From = new LocalDate(2026, 3, 3), To = LocalDate.MaxIsoValue, Action = "user-created" }));
        var first = await store.AuditPageAsync(AuditFilter.Any with { Partner = "ACME" }, null, 2, default);
        Assert.Equal(["d", "b"], first.Select(r => r.Entry.Target));
        Assert.Equal(["a"], await Targets(AuditFilter.Any with { Partner = "ACME" }, first[^1].Id, 2));
    }
}
