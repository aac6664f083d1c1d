using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Api.Keys;
using Integra.Gateway.Storage.Api;
using Integra.Gateway.Storage.Connections;
using Integra.Gateway.Storage.Migrations;
using Integra.Gateway.Storage.Resilience;
using Integra.Gateway.Storage.Sessions;
using Integra.Gateway.Tests.Servers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Integra.Gateway.Portal.Tests;

/// <summary>The API's key and idempotency tables on PostgreSQL (the SQLite store runs in every other API test).</summary>
[Collection(Postgres.Name)]
public sealed class ApiStorePostgresTests(PostgresFixture pg)
{
    private static readonly DateTimeOffset Monday = SubmitTests.Monday;
    private static readonly CancellationToken None = CancellationToken.None;

    [SkippableFact]
    public async Task Keys_are_found_by_their_public_id_listed_per_partner_and_revoked_once()
    {
        var store = Store(pg.NewDatabase());
        var (keyId, token, hash) = ApiKeySecret.New();

        var added = await store.AddKeyAsync(new NewApiKey("ACME", "poller", keyId, hash, Privileges.View | Privileges.Lsr, "admin@acme.example", Monday, Monday.AddDays(30)), None);
        await store.AddKeyAsync(new NewApiKey("BRIDGE", "other", ApiKeySecret.New().KeyId, "x", Privileges.Csr, "admin@bridge.example", Monday, null), None);

        var (found, secretHash, partnerDisabled) = (await store.FindKeyAsync(keyId, None))!.Value;
        Assert.False(partnerDisabled);
        Assert.Equal(added, found);
        Assert.Equal((Privileges.View | Privileges.Lsr, Monday.AddDays(30)), (found.Privileges, found.ExpiresAt));
        Assert.True(ApiKeySecret.Matches(token, secretHash));
        Assert.Equal([added.Id], (await store.KeysOfAsync("ACME", None)).Select(k => k.Id));
        Assert.False(await store.RevokeAsync("BRIDGE", added.Id, "admin@bridge.example", Monday, None));
        Assert.True(await store.RevokeAsync("ACME", added.Id, "admin@acme.example", Monday.AddHours(1), None));
        Assert.False(await store.RevokeAsync("ACME", added.Id, "admin@acme.example", Monday.AddHours(2), None));
        var revoked = (await store.FindKeyAsync(keyId, None))!.Value.Key;
        Assert.Equal(("admin@acme.example", Monday.AddHours(1)), (revoked.RevokedBy, revoked.RevokedAt));
        Assert.Null(await store.FindKeyAsync("000000000000", None));
    }

    [SkippableFact]
    public async Task The_first_answer_of_an_idempotency_key_is_kept_per_partner_and_a_second_keep_gets_it_back()
    {
        var store = Store(pg.NewDatabase());
        var first = new IdempotentAnswer("hash-a", 200, "{\"id\":1}", Monday);

        Assert.Null(await store.FindAnswerAsync("ACME", "k-1", None));
        Assert.Equal(first, await store.KeepAnswerAsync("ACME", "k-1", first, None));
        Assert.Equal(first, await store.KeepAnswerAsync("ACME", "k-1", new IdempotentAnswer("hash-b", 200, "{\"id\":2}", Monday.AddSeconds(1)), None));
        Assert.Equal(first, await store.FindAnswerAsync("ACME", "k-1", None));
        Assert.Null(await store.FindAnswerAsync("BRIDGE", "k-1", None));
    }

    /// <summary>The API's tables on <paramref name="database"/>, migrated as the host does at start.</summary>
    private static ApiStore Store(string database)
    {
        SchemaMigrator.Migrate(database);
        var location = new StoreDatabase(database);
        return new ApiStore(new UnitOfWorkFactory(location, NodaTime.SystemClock.Instance, new StoreAvailability(location, NullLogger<StoreAvailability>.Instance)));
    }
}
