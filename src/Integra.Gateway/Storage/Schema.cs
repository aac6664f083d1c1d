using Integra.Gateway.Storage.Migrations;
using Integra.Gateway.Storage.Orders;

namespace Integra.Gateway.Storage;

/// <summary>
/// The order store's tables. Each migration runs once, in order, recorded in schema_info (its place in this list is
/// its version); later issues append migrations to the last part (or a new part listed last) and never edit earlier
/// ones. The parts (in Migrations/) only keep each file small: together they are one list. The TN order of a decision is kept in order_tns.seq (SQLite's rowid
/// has no PostgreSQL counterpart). Quartz creates its own tables (qrtz_*) where it runs clustered.
/// <para>
/// Expand, then contract (so that instances of two versions can share one PostgreSQL database during a rolling
/// upgrade, and a running older instance keeps working while a newer one migrates): a release's migrations only
/// expand — new tables, new columns that are nullable or have a default, new indexes, data copied into them — and the
/// release reads the old shape as well as the new. Dropping or renaming a column or table, a NOT NULL without a
/// default, or changing what a column means (contract) comes in a later release, once no instance of the release
/// before the expansion runs anywhere. Every INSERT names its columns and no query reads <c>SELECT *</c>, so an
/// added column never breaks an older binary's SQL. An older binary refuses to start on a newer schema
/// (<see cref="Migrations.SchemaTooNewException"/>): a rollback restores the backup taken before the upgrade
/// (README, "Upgrade and rollback"); <c>UpgradeTests</c> shows a running older instance on an expanded schema.
/// </para>
/// </summary>
internal static class Schema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        .. OrderStoreSchema.Steps,
        .. PortalSchema.Steps,
        .. DisputesAndApiSchema.Steps,
    ];
}
