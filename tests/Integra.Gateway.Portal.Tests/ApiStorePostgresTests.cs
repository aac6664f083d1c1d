using Integra.Gateway.Portal.Accounts;
using Integra.Gateway.Portal.Api.Keys;
using Integra.Gateway.Storage.Api;
using Integra.Gateway.Storage.Migrations;
using Integra.Gateway.Tests.Servers;

namespace Integra.Gateway.Portal.Tests;

/// <summary>The API's key and idempotency tables on PostgreSQL (the SQLite store runs in every other API test).</summary>
[Collection(Postgres.Name)]
public sealed class ApiStorePostgresTests(PostgresFixture pg)
{
    private static readonly DateTimeOffset Monday = SubmitTests.Monday;

    [SkippableFact]
    public void Keys_are_found_by_their_public_id_listed_per_partner_and_revoked_once()
    {
        var database = pg.NewDatabase();
        SchemaMigrator.Migrate(database);
        var store = ApiStore.Open(database);
        var (keyId, token, hash) = ApiKeySecret.New();

        var added = store.AddKey(new NewApiKey("ACME", "poller", keyId, hash, Privileges.View | Privileges.Lsr, "admin@acme.example", Monday, Monday.AddDays(30)));
        store.AddKey(new NewApiKey("BRIDGE", "other", ApiKeySecret.New().KeyId, "x", Privileges.Csr, "admin@bridge.example", Monday, null));

        var (found, secretHash) = store.FindKey(keyId)!.Value;
        Assert.Equal(added, found);
        Assert.Equal((Privileges.View | Privileges.Lsr, Monday.AddDays(30)), (found.Privileges, found.ExpiresAt));
        Assert.True(ApiKeySecret.Matches(token, secretHash));
        Assert.Equal([added.Id], store.KeysOf("ACME").Select(k => k.Id));
        Assert.False(store.Revoke("BRIDGE", added.Id, "admin@bridge.example", Monday));
        Assert.True(store.Revoke("ACME", added.Id, "admin@acme.example", Monday.AddHours(1)));
        Assert.False(store.Revoke("ACME", added.Id, "admin@acme.example", Monday.AddHours(2)));
        Assert.Equal(("admin@acme.example", Monday.AddHours(1)), (store.FindKey(keyId)!.Value.Key.RevokedBy, store.FindKey(keyId)!.Value.Key.RevokedAt));
        Assert.Null(store.FindKey("000000000000"));
    }

    [SkippableFact]
    public void The_first_answer_of_an_idempotency_key_is_kept_per_partner_and_a_second_keep_gets_it_back()
    {
        var database = pg.NewDatabase();
        SchemaMigrator.Migrate(database);
        var store = ApiStore.Open(database);
        var first = new IdempotentAnswer("hash-a", 200, "{\"id\":1}", Monday);

        Assert.Null(store.FindAnswer("ACME", "k-1"));
        Assert.Equal(first, store.KeepAnswer("ACME", "k-1", first));
        Assert.Equal(first, store.KeepAnswer("ACME", "k-1", new IdempotentAnswer("hash-b", 200, "{\"id\":2}", Monday.AddSeconds(1))));
        Assert.Equal(first, store.FindAnswer("ACME", "k-1"));
        Assert.Null(store.FindAnswer("BRIDGE", "k-1"));
    }
}
